import type { Ctx } from "./http";
import type { UsageRecord } from "./state";

/**
 * Notes what a successful model call used, as the admin Usage API would count it, from the answer
 * the emulator sends (a JSON body, or every event of a stream). Every call that reaches the emulator
 * counts, whether it came through the console or straight to it: the org view shows the difference.
 */
const FAMILIES: [RegExp, UsageRecord["family"], string | null][] = [
  [/^\/v1\/(chat\/completions|completions|responses)$/, "completions", null],
  [/^\/v1\/embeddings$/, "embeddings", null],
  [/^\/v1\/images\/generations$/, "images", "image.generation"],
  [/^\/v1\/images\/edits$/, "images", "image.edit"],
  [/^\/v1\/images\/variations$/, "images", "image.variation"],
];

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function noteUsage(ctx: Ctx, status: number, answers: unknown[]): void {
  if (!ctx.modelCall || status >= 300) return;
  const family = FAMILIES.find(([re]) => re.test(ctx.path));
  if (!family) return;
  const body = rec(ctx.json);
  const fields = ctx.log?.fields ?? {};
  let model = typeof body.model === "string" ? body.model : (fields.model ?? "");
  let input = 0;
  let cached = 0;
  let output = 0;
  let images = 0;
  for (const a of answers) {
    const o = rec(a);
    const response = rec(o.response);
    if (!model && typeof (o.model ?? response.model) === "string") model = String(o.model ?? response.model);
    const u = rec(o.usage ?? response.usage);
    input += n(u.prompt_tokens) + n(u.input_tokens);
    output += n(u.completion_tokens) + n(u.output_tokens);
    cached += n(rec(u.prompt_tokens_details).cached_tokens) + n(rec(u.input_tokens_details).cached_tokens);
    if (family[1] === "images") {
      if (Array.isArray(o.data)) images += o.data.length;
      else if (typeof o.type === "string" && o.type.endsWith(".completed")) images += 1;
    }
  }
  const size = typeof body.size === "string" ? body.size : (fields.size ?? null);
  ctx.state.noteUsage({
    at: Date.now(),
    family: family[1],
    model: model || "unknown",
    input,
    cached,
    output,
    images,
    projectId: String(ctx.req.headers["openai-project"] ?? "proj_emulator"),
    serviceTier: typeof body.service_tier === "string" ? body.service_tier : "default",
    source: family[2],
    size: family[1] === "images" ? size : null,
  });
}
