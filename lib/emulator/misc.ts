import type { CreateEmbeddingResponse } from "openai/resources/embeddings";
import type { ModerationCreateResponse } from "openai/resources/moderations";
import { asRecord, type Ctx, estimateTokens, HttpError, sendJson } from "./http";
import { requireModel } from "./models";

/** Small deterministic vectors: the same text always maps to the same unit vector. */
function vector(text: string, dims: number): number[] {
  const v = Array.from({ length: dims }, (_, i) =>
    Math.sin((i + 1) * (text.length + 1) + text.charCodeAt(i % Math.max(1, text.length)) || 0),
  );
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export function embeddings(ctx: Ctx): void {
  const body = asRecord(ctx.json);
  const model = requireModel(ctx, body);
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  if (inputs.length === 0 || inputs.some((x) => typeof x !== "string" || x === "")) {
    throw new HttpError(
      400,
      "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
      "input",
      null,
    );
  }
  const dims = typeof body.dimensions === "number" ? body.dimensions : 8;
  const texts = inputs as string[];
  const tokens = texts.reduce((a, t) => a + estimateTokens(t), 0);
  const out: CreateEmbeddingResponse = {
    object: "list",
    model,
    data: texts.map((t, index) => ({ object: "embedding", index, embedding: vector(t, dims) })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
  sendJson(ctx, 200, out);
}

export function moderations(ctx: Ctx): void {
  const body = asRecord(ctx.json);
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const categories = [
    "hate",
    "hate/threatening",
    "harassment",
    "harassment/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
  ];
  const out = {
    id: ctx.state.id("modr"),
    model: typeof body.model === "string" ? body.model : "omni-moderation-latest",
    results: inputs.map(() => ({
      flagged: false,
      categories: Object.fromEntries(categories.map((c) => [c, false])),
      category_scores: Object.fromEntries(categories.map((c) => [c, 0.0001])),
      category_applied_input_types: Object.fromEntries(categories.map((c) => [c, ["text"]])),
    })),
  } as unknown as ModerationCreateResponse;
  sendJson(ctx, 200, out);
}
