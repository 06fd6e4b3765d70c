import type { AssistantConfig, AssistantTool, AssistantVariable } from "./schema";

/**
 * What changed between two versions of an assistant, for the versions page's compare view: the
 * instructions as two texts (the page draws the text diff), everything else as rows of a table
 * (setting, value in A, value in B). Pure, so the table's content is unit-tested.
 */

export type DiffGroup = "setting" | "variable" | "tool";

export interface ConfigDiffRow {
  group: DiffGroup;
  /** Unique within one diff: "Model", "Variable city · default", "Function lookup · parameters". */
  label: string;
  before: string;
  after: string;
}

export interface ConfigDiff {
  instructions: { before: string; after: string; changed: boolean };
  rows: ConfigDiffRow[];
}

/** How a value the config leaves out reads in the table: the API's default applies. */
export const UNSET = "(default)";
export const ABSENT = "—";
const MAX_VALUE = 300;

function show(v: unknown): string {
  if (v === undefined || v === null) return UNSET;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  if (s === "") return '""';
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The head-level settings in the order the builder shows them; each reads one field of the config. */
const SETTINGS: [string, (c: AssistantConfig) => unknown][] = [
  ["Name", (c) => c.name],
  ["Description", (c) => c.description],
  ["Model", (c) => c.model],
  ["Response format", (c) => c.responseFormat.type],
  [
    "Response format · name",
    (c) => (c.responseFormat.type === "json_schema" ? c.responseFormat.name : undefined),
  ],
  [
    "Response format · strict",
    (c) => (c.responseFormat.type === "json_schema" ? c.responseFormat.strict : undefined),
  ],
  [
    "Response format · schema",
    (c) => (c.responseFormat.type === "json_schema" ? c.responseFormat.schema : undefined),
  ],
  ["Reasoning effort", (c) => c.reasoningEffort],
  ["Reasoning summary", (c) => c.reasoningSummary],
  ["Verbosity", (c) => c.verbosity],
  ["Temperature", (c) => c.temperature],
  ["Top P", (c) => c.topP],
  ["Max output tokens", (c) => c.maxOutputTokens],
  ["Tool choice", (c) => c.toolChoice],
  ["Parallel tool calls", (c) => c.parallelToolCalls],
  ["Truncation", (c) => c.truncation],
  ["Compact threshold", (c) => c.compactThreshold],
  ["Store", (c) => c.store],
];

const TOOL_LABELS: Record<AssistantTool["type"], string> = {
  function: "Function",
  file_search: "File search",
  web_search: "Web search",
  code_interpreter: "Code interpreter",
  image_generation: "Image generation",
  mcp: "MCP server",
};

/** A tool's identity across versions: functions by name, MCP servers by label, the rest by type. */
export function toolLabel(t: AssistantTool): string {
  if (t.type === "function") return `${TOOL_LABELS.function} ${t.name}`;
  if (t.type === "mcp") return `${TOOL_LABELS.mcp} ${t.serverLabel}`;
  return TOOL_LABELS[t.type];
}

/** Tools keyed by label; a second tool with the same label gets " #2" so none is lost. */
function byLabel(tools: AssistantTool[]): Map<string, AssistantTool> {
  const out = new Map<string, AssistantTool>();
  for (const t of tools) {
    const base = toolLabel(t);
    let key = base;
    for (let n = 2; out.has(key); n++) key = `${base} #${n}`;
    out.set(key, t);
  }
  return out;
}

/** The fields of a tool that differ (union of both sides' keys, in the order they appear). */
export function changedFields(a: object, b: object): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  return keys.filter((k) => k !== "type" && !same(ra[k], rb[k]));
}

function diffKeyed<T extends object>(
  group: DiffGroup,
  a: Map<string, T>,
  b: Map<string, T>,
  summary: (t: T) => string,
): ConfigDiffRow[] {
  const rows: ConfigDiffRow[] = [];
  for (const [key, ta] of a) {
    const tb = b.get(key);
    if (!tb) {
      rows.push({ group, label: key, before: summary(ta), after: "removed" });
      continue;
    }
    for (const f of changedFields(ta, tb))
      rows.push({
        group,
        label: `${key} · ${f}`,
        before: show((ta as Record<string, unknown>)[f]),
        after: show((tb as Record<string, unknown>)[f]),
      });
  }
  for (const [key, tb] of b)
    if (!a.has(key)) rows.push({ group, label: key, before: "added", after: summary(tb) });
  return rows;
}

function toolSummary(t: AssistantTool): string {
  switch (t.type) {
    case "function":
      return t.description || "function";
    case "file_search":
      return t.vectorStoreIds.join(", ") || "no vector store";
    case "mcp":
      return t.serverUrl;
    case "code_interpreter":
      return t.container.type === "id" ? t.container.id : "auto container";
    default:
      return "on";
  }
}

const variableSummary = (v: AssistantVariable) =>
  v.default === undefined ? `${v.type}, required` : `${v.type}, default ${show(v.default)}`;

/** Metadata as `key=value` lines, so a changed pair reads at a glance. */
const metadataText = (c: AssistantConfig) => c.metadata.map((m) => `${m.key}=${m.value}`).join("\n");

export function diffConfigs(a: AssistantConfig, b: AssistantConfig): ConfigDiff {
  const rows: ConfigDiffRow[] = [];
  for (const [label, read] of SETTINGS) {
    const va = read(a);
    const vb = read(b);
    if (!same(va, vb)) rows.push({ group: "setting", label, before: show(va), after: show(vb) });
  }
  const ma = metadataText(a);
  const mb = metadataText(b);
  if (ma !== mb)
    rows.push({ group: "setting", label: "Metadata", before: ma || ABSENT, after: mb || ABSENT });
  const vars = (c: AssistantConfig) => new Map(c.variables.map((v) => [`Variable ${v.name}`, v]));
  rows.push(...diffKeyed("variable", vars(a), vars(b), variableSummary));
  rows.push(...diffKeyed("tool", byLabel(a.tools), byLabel(b.tools), toolSummary));
  return {
    instructions: {
      before: a.instructions,
      after: b.instructions,
      changed: a.instructions !== b.instructions,
    },
    rows,
  };
}

/** Whether two versions' configs are the same (a rollback's new version equals its source). */
export function sameConfig(a: AssistantConfig, b: AssistantConfig): boolean {
  const d = diffConfigs(a, b);
  return !d.instructions.changed && d.rows.length === 0;
}

/**
 * The pair the compare view opens with: the latest version (B) against production (A), or against
 * the one before it when production is the latest or unset. Null with fewer than two versions.
 * Requested numbers (from the URL) win when both exist and differ.
 */
export function comparePair(
  versions: number[],
  production: number | null,
  requested?: { a?: number; b?: number },
): { a: number; b: number } | null {
  const sorted = [...new Set(versions)].sort((x, y) => x - y);
  if (sorted.length < 2) return null;
  const has = (n: number | undefined): n is number => n !== undefined && sorted.includes(n);
  if (has(requested?.a) && has(requested?.b) && requested.a !== requested.b)
    return { a: requested.a, b: requested.b };
  const latest = sorted.at(-1) as number;
  const a =
    production !== null && production !== latest && sorted.includes(production)
      ? production
      : (sorted.at(-2) as number);
  return { a, b: latest };
}
