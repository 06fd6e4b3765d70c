import type { Setup } from "@/lib/playground/types";

/**
 * What differs between two playground setups, as rows a table can show: model, API, each parameter
 * that was set, tools, format, and the input in short. Pure, for the history diff and the compare
 * view's; the full texts are diffed separately (TextDiff).
 */

export interface SetupDiffRow {
  label: string;
  before: string;
  after: string;
}

const UNSET = "(not set)";
const SHORT = 120;

const short = (s: string) => (s.length > SHORT ? `${s.slice(0, SHORT - 1)}…` : s);
const show = (v: unknown): string =>
  v === undefined || v === null || v === ""
    ? UNSET
    : typeof v === "string"
      ? short(v)
      : short(JSON.stringify(v));

/** A setup as flat label → value pairs; parameters only where at least one side sets them. */
function flatten(s: Setup): Map<string, string> {
  const m = new Map<string, string>();
  m.set("API", s.api);
  m.set("Model", s.model);
  for (const [k, v] of Object.entries(s.params)) {
    if (Array.isArray(v) && !v.length) continue;
    if (v === "" || v === undefined || v === false) continue;
    m.set(`params.${k}`, show(v));
  }
  m.set("Stream", String(s.stream));
  m.set(
    "Response format",
    s.responseFormat.type === "json_schema" ? `json_schema ${s.responseFormat.name}` : s.responseFormat.type,
  );
  m.set("Tools", s.tools.map((t) => t.name).join(", ") || "(none)");
  m.set("Tool choice", show(s.toolChoice));
  const builtins = Object.entries(s.builtinTools)
    .filter(([, t]) => t.enabled)
    .map(([k]) => k);
  m.set("Built-in tools", builtins.join(", ") || "(none)");
  if (s.api === "completions") m.set("Prompt", show(s.prompt));
  else {
    m.set("Instructions", show(s.instructions));
    m.set("Instructions role", s.instructionsRole);
    m.set("Messages", String(s.messages.length));
    m.set("Last message", show(s.messages.at(-1)?.content ?? ""));
  }
  return m;
}

export function diffSetups(a: Setup, b: Setup): SetupDiffRow[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const labels = [...new Set([...fa.keys(), ...fb.keys()])];
  return labels
    .map((label) => ({ label, before: fa.get(label) ?? UNSET, after: fb.get(label) ?? UNSET }))
    .filter((r) => r.before !== r.after);
}

interface OutputLike {
  choices: { text: string; refusal: string; toolCalls: { name: string; arguments: string }[] }[];
  error: { message: string } | null;
}

/** The text two outputs are compared on: each choice's text, refusal and tool calls, then the error. */
export function outputText(output: OutputLike): string {
  const parts = output.choices.flatMap((c) => [
    c.text,
    c.refusal ? `Refused: ${c.refusal}` : "",
    ...c.toolCalls.map((t) => `${t.name}(${t.arguments})`),
  ]);
  if (output.error) parts.push(`Error: ${output.error.message}`);
  return parts.filter(Boolean).join("\n\n");
}
