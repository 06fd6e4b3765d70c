import { HYPERPARAMETERS } from "./hyperparameters";
import type { Job, MetricTable } from "./types";

/**
 * The pure half of the compare page: which jobs (from the URL), which charts, the settings diff and
 * the final metrics side by side. Components in components/fine-tuning/compare draw them.
 */

export const MAX_COMPARED = 8;

/** `?jobs=a,b,c` → unique ids in order; blanks dropped, at most MAX_COMPARED. */
export function parseJobIds(param: string | null | undefined): string[] {
  const ids = (param ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(ids)].slice(0, MAX_COMPARED);
}

export function jobsParam(ids: readonly string[]): string {
  return ids.join(",");
}

export interface MetricGroup {
  id: string;
  title: string;
  /** Columns drawn per job; the first solid, the others dashed. */
  columns: { key: string; label: string }[];
}

export const METRIC_GROUPS: MetricGroup[] = [
  { id: "train-loss", title: "Training loss", columns: [{ key: "train_loss", label: "train" }] },
  { id: "valid-loss", title: "Validation loss", columns: [{ key: "valid_loss", label: "valid" }] },
  {
    id: "full-valid-loss",
    title: "Full validation loss",
    columns: [{ key: "full_valid_loss", label: "full valid" }],
  },
  {
    id: "accuracy",
    title: "Token accuracy",
    columns: [
      { key: "train_mean_token_accuracy", label: "train" },
      { key: "valid_mean_token_accuracy", label: "valid" },
      { key: "full_valid_mean_token_accuracy", label: "full valid" },
    ],
  },
  {
    id: "reward",
    title: "Reward",
    columns: [
      { key: "train_mean_reward", label: "train" },
      { key: "full_valid_mean_reward", label: "full valid" },
    ],
  },
];

/** The groups any of the tables has a value for (reward only for reinforcement jobs). */
export function presentGroups(tables: readonly MetricTable[]): MetricGroup[] {
  return METRIC_GROUPS.filter((g) => g.columns.some((c) => tables.some((t) => hasValue(t.columns[c.key]))));
}

const hasValue = (col: readonly (number | null)[] | undefined) => Boolean(col?.some((v) => v !== null));

type Hyper = Record<string, unknown>;

function methodOf(job: Job): { type: string; hyper: Hyper } {
  const m = job.method;
  const type = m?.type ?? "supervised";
  const block = (m as Record<string, unknown> | undefined)?.[type] as { hyperparameters?: Hyper } | undefined;
  return { type, hyper: block?.hyperparameters ?? (job.hyperparameters as Hyper | undefined) ?? {} };
}

export interface DiffRow {
  label: string;
  /** One cell per job, as shown. */
  values: string[];
  differs: boolean;
  /** The row is a hyperparameter where some job still says "auto" (resolved once training starts). */
  auto: boolean;
}

const show = (v: unknown): string => {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

/** Model, method, hyperparameters, files and outcome, one row each; rows where jobs differ flagged. */
export function diffRows(jobs: readonly Job[]): DiffRow[] {
  const methods = jobs.map(methodOf);
  const hyperKeys = [...new Set(methods.flatMap((m) => Object.keys(m.hyper)))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const rows: [string, (j: Job, i: number) => unknown, boolean?][] = [
    ["Base model", (j) => j.model],
    ["Method", (_, i) => methods[i]?.type],
    ...hyperKeys.map((k): [string, (j: Job, i: number) => unknown, boolean] => [
      k,
      (_, i) => methods[i]?.hyper[k],
      true,
    ]),
    ["Suffix", (j) => suffixOf(j)],
    ["Seed", (j) => j.seed],
    ["Training file", (j) => j.training_file],
    ["Validation file", (j) => j.validation_file],
    ["Status", (j) => j.status],
    ["Trained tokens", (j) => j.trained_tokens],
    ["Fine-tuned model", (j) => j.fine_tuned_model],
  ];
  return rows.map(([label, get, isHyper]) => {
    const values = jobs.map((j, i) => show(get(j, i)));
    return {
      label,
      values,
      differs: new Set(values).size > 1,
      auto: Boolean(isHyper) && values.includes("auto"),
    };
  });
}

const rank = (k: string) => {
  const i = (HYPERPARAMETERS as readonly string[]).indexOf(k);
  return i === -1 ? HYPERPARAMETERS.length : i;
};

/** The suffix is not a job field; it sits in the fine-tuned model's name (`ft:base:org:suffix:id`). */
function suffixOf(job: Job): string | null {
  const parts = (job.fine_tuned_model ?? "").split(":");
  return parts.length >= 5 ? parts[3] || null : ((job as { suffix?: string | null }).suffix ?? null);
}

/** The last non-null value of each column, with its step. */
export function finalMetrics(table: MetricTable): Record<string, { value: number; step: number }> {
  const out: Record<string, { value: number; step: number }> = {};
  for (const [key, col] of Object.entries(table.columns)) {
    for (let i = col.length - 1; i >= 0; i--) {
      const v = col[i];
      if (v !== null && v !== undefined) {
        out[key] = { value: v, step: table.steps[i] ?? i };
        break;
      }
    }
  }
  return out;
}

/** Column keys any table has a final value for, groups' order first, others after. */
export function finalMetricKeys(finals: readonly Record<string, unknown>[]): string[] {
  const known = METRIC_GROUPS.flatMap((g) => g.columns.map((c) => c.key));
  const all = new Set(finals.flatMap((f) => Object.keys(f)));
  return [...known.filter((k) => all.has(k)), ...[...all].filter((k) => !known.includes(k)).sort()];
}
