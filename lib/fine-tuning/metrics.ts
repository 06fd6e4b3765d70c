import type { Checkpoint, JobEvent, MetricTable } from "./types";

/**
 * Builds MetricTables from the three places a job's metrics live (live `metrics` events, checkpoints,
 * the result CSV: result-csv.ts, loaded only when a job has one), and the analysis drawn on them: EMA smoothing and the overfitting hint
 * (docs/fine-tuning-charts.md).
 */

export function emptyTable(): MetricTable {
  return { steps: [], columns: {}, totalSteps: null, epochEnds: [], checkpoints: [] };
}

export type Rows = Map<number, Map<string, number>>;

/** Rows keyed by step → a table; a column exists when any row has it, other rows get a gap. */
export function toTable(rows: Rows, rest: Omit<MetricTable, "steps" | "columns">): MetricTable {
  const steps = [...rows.keys()].sort((a, b) => a - b);
  const names = new Set<string>();
  for (const row of rows.values()) for (const k of row.keys()) names.add(k);
  // No prototype: a `__proto__` or `constructor` metric name from the upstream is a plain column.
  const columns: MetricTable["columns"] = Object.create(null);
  for (const name of names) columns[name] = steps.map((s) => rows.get(s)?.get(name) ?? null);
  return { steps, columns, ...rest };
}

/** Keeps the first value a step got for a name: sources and events earlier in the list win. */
export function put(rows: Rows, step: number, name: string, value: number) {
  let row = rows.get(step);
  if (!row) {
    row = new Map();
    rows.set(step, row);
  }
  if (!row.has(name)) row.set(name, value);
}

/** Every finite number in `data`, nested objects flattened with "/" (`scores/accuracy_grader`). */
function flatten(data: unknown, prefix: string, out: [string, number][]): [string, number][] {
  if (!data || typeof data !== "object" || Array.isArray(data)) return out;
  for (const [k, v] of Object.entries(data)) {
    const name = prefix ? `${prefix}/${k}` : k;
    if (typeof v === "number" && Number.isFinite(v)) out.push([name, v]);
    else if (v && typeof v === "object") flatten(v, name, out);
  }
  return out;
}

const NOT_SERIES = new Set(["step", "total_steps"]);
const isFullValid = (name: string) => name.startsWith("full_valid_");

export function epochEndsOf(rows: Rows): number[] {
  const ends: number[] = [];
  for (const [step, row] of rows) if ([...row.keys()].some(isFullValid)) ends.push(step);
  return ends.sort((a, b) => a - b);
}

/** From `metrics` events (any order, duplicates ignored); message events are skipped. */
export function tableFromEvents(events: readonly JobEvent[]): MetricTable {
  const rows: Rows = new Map();
  const seen = new Set<string>();
  let totalSteps: number | null = null;
  for (const e of events) {
    if (e.type !== "metrics" || seen.has(e.id)) continue;
    seen.add(e.id);
    const data = e.data as Record<string, unknown> | null | undefined;
    const step = data?.step;
    if (typeof step !== "number" || !Number.isFinite(step)) continue;
    if (typeof data?.total_steps === "number") totalSteps = Math.max(totalSteps ?? 0, data.total_steps);
    if (!rows.has(step)) rows.set(step, new Map());
    for (const [name, v] of flatten(data, "", [])) if (!NOT_SERIES.has(name)) put(rows, step, name, v);
  }
  return toTable(rows, { totalSteps, epochEnds: epochEndsOf(rows), checkpoints: [] });
}

export function tableFromCheckpoints(checkpoints: readonly Checkpoint[]): MetricTable {
  const rows: Rows = new Map();
  const marks: MetricTable["checkpoints"] = [];
  for (const c of checkpoints) {
    const step = c.step_number;
    if (!Number.isFinite(step) || marks.some((m) => m.step === step)) continue;
    marks.push({ step, id: c.id, model: c.fine_tuned_model_checkpoint });
    if (!rows.has(step)) rows.set(step, new Map());
    for (const [name, v] of flatten(c.metrics, "", [])) if (!NOT_SERIES.has(name)) put(rows, step, name, v);
  }
  marks.sort((a, b) => a.step - b.step);
  // Checkpoints are saved at epoch ends.
  return toTable(rows, { totalSteps: null, epochEnds: marks.map((m) => m.step), checkpoints: marks });
}

/** One table from several sources; a later source fills only the gaps of an earlier one. */
export function mergeTables(...tables: MetricTable[]): MetricTable {
  const rows: Rows = new Map();
  const names = new Set<string>();
  const marks = new Map<number, MetricTable["checkpoints"][number]>();
  const ends = new Set<number>();
  let totalSteps: number | null = null;
  for (const t of tables) {
    t.steps.forEach((step, i) => {
      if (!rows.has(step)) rows.set(step, new Map());
      for (const [name, col] of Object.entries(t.columns)) {
        names.add(name);
        const v = col[i];
        if (v !== null && v !== undefined) put(rows, step, name, v);
      }
    });
    for (const name of Object.keys(t.columns)) names.add(name);
    for (const c of t.checkpoints) if (!marks.has(c.step)) marks.set(c.step, c);
    for (const e of t.epochEnds) ends.add(e);
    totalSteps ??= t.totalSteps;
  }
  const table = toTable(rows, {
    totalSteps,
    epochEnds: [...ends].sort((a, b) => a - b),
    checkpoints: [...marks.values()].sort((a, b) => a.step - b.step),
  });
  for (const name of names) table.columns[name] ??= table.steps.map(() => null);
  return table;
}

/**
 * Exponential moving average as TensorBoard draws it: debiased (the first points are not pulled
 * toward zero), gaps stay gaps and do not reset the average. `weight` 0 returns the values.
 */
export function emaSmooth(values: ArrayLike<number | null>, weight: number): (number | null)[] {
  const out: (number | null)[] = new Array(values.length);
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      out[i] = null;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    n++;
    const debias = weight === 1 ? 1 : 1 - weight ** n;
    out[i] = last / debias;
  }
  return out;
}

export type OverfitLevel = "healthy" | "mild" | "moderate" | "severe";

export interface OverfitHint {
  level: OverfitLevel;
  /** valid / train loss over the last stretch of the run. */
  ratio: number;
  /** Whether validation loss rises while train loss falls at the end. */
  diverging: boolean;
  /** The checkpoint (or step) with the lowest validation loss, when one is known. */
  suggested: { step: number; checkpointModel: string | null } | null;
  message: string;
}

/** The §11.5 bands of valid/train loss. */
export function levelOfRatio(ratio: number): OverfitLevel {
  if (ratio > 2) return "severe";
  if (ratio >= 1.5) return "moderate";
  if (ratio >= 1.2) return "mild";
  return "healthy";
}

/** Points of a column (gaps dropped) with steps in [from, ∞). */
function points(table: MetricTable, name: string, from = Number.NEGATIVE_INFINITY): [number, number][] {
  const col = table.columns[name];
  if (!col) return [];
  const out: [number, number][] = [];
  table.steps.forEach((s, i) => {
    const v = col[i];
    if (s >= from && v !== null && v !== undefined) out.push([s, v]);
  });
  return out;
}

const mean = (p: [number, number][]) => p.reduce((a, [, v]) => a + v, 0) / p.length;

/** Least-squares slope, as a fraction of the mean per the window's span: the change across it. */
function relativeChange(p: [number, number][]): number {
  if (p.length < 2) return 0;
  const mx = p.reduce((a, [x]) => a + x, 0) / p.length;
  const my = mean(p);
  let num = 0;
  let den = 0;
  for (const [x, y] of p) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  const span = (p.at(-1)?.[0] ?? 0) - (p[0]?.[0] ?? 0);
  return den === 0 || my === 0 ? 0 : ((num / den) * span) / Math.abs(my);
}

/** null when there is no validation loss to judge by. */
export function overfitHint(table: MetricTable): OverfitHint | null {
  const validKey = points(table, "valid_loss").length >= 3 ? "valid_loss" : "full_valid_loss";
  const valid = points(table, validKey);
  const train = points(table, "train_loss");
  if (!valid.length || !train.length) return null;
  const first = table.steps[0] ?? 0;
  const last = table.steps.at(-1) ?? 0;
  // The last epoch when epochs are known (validation turns there), else the last quarter.
  const lastEnd = table.epochEnds.filter((e) => e < last).at(-1);
  const quarter = last - (last - first) / 4;
  let from = lastEnd === undefined ? quarter : Math.min(lastEnd, quarter);
  let v = points(table, validKey, from);
  if (v.length < 3) {
    v = valid.slice(-3);
    from = v[0]?.[0] ?? first;
  }
  const t = points(table, "train_loss", from);
  const tMean = t.length ? mean(t) : (train.at(-1)?.[1] ?? 0);
  if (!(tMean > 0)) return null;
  const ratio = mean(v) / tMean;
  const diverging = relativeChange(v) > 0.02 && relativeChange(t) <= 0;
  let level = levelOfRatio(ratio);
  if (diverging && level === "healthy") level = "mild";
  const suggested = bestCheckpoint(table, validKey);
  return {
    level,
    ratio,
    diverging,
    suggested,
    message: hintMessage(level, ratio, diverging, suggested, last),
  };
}

function bestCheckpoint(table: MetricTable, validKey: string): OverfitHint["suggested"] {
  const at = (step: number) => {
    const i = table.steps.indexOf(step);
    if (i < 0) return null;
    return table.columns.full_valid_loss?.[i] ?? table.columns[validKey]?.[i] ?? null;
  };
  let best: OverfitHint["suggested"] = null;
  let bestV = Number.POSITIVE_INFINITY;
  for (const c of table.checkpoints) {
    const v = at(c.step);
    if (v !== null && v < bestV) [best, bestV] = [{ step: c.step, checkpointModel: c.model }, v];
  }
  if (best) return best;
  for (const [s, v] of points(table, validKey))
    if (v < bestV) [best, bestV] = [{ step: s, checkpointModel: null }, v];
  return best;
}

function hintMessage(
  level: OverfitLevel,
  ratio: number,
  diverging: boolean,
  suggested: OverfitHint["suggested"],
  last: number,
): string {
  const parts = [`Validation loss is ${ratio.toFixed(2)}× train loss over the latest steps`];
  if (diverging) parts.push("and rising while train loss falls");
  let text = `${parts.join(" ")}: ${level === "healthy" ? "no sign of overfitting" : `${level} overfitting`}.`;
  if (level !== "healthy" && suggested && suggested.step !== last) {
    text += suggested.checkpointModel
      ? ` The checkpoint at step ${suggested.step} has the lowest validation loss.`
      : ` Validation loss was lowest at step ${suggested.step}.`;
  }
  return text;
}
