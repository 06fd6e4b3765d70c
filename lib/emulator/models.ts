import type { Model } from "openai/resources/models";
import { fineTunedModels } from "./fine-tuning";
import { type Ctx, HttpError, sendJson } from "./http";

/** The SDK's Model type predates `shutdown_date`; the API sends it (YYYY-MM-DD or null). */
export type EmulatedModel = Model & { shutdown_date: string | null };

const m = (
  id: string,
  created: number,
  owned_by = "system",
  shutdown_date: string | null = null,
): EmulatedModel => ({
  id,
  object: "model",
  created,
  owned_by,
  shutdown_date,
});

export const MODELS: EmulatedModel[] = [
  m("gpt-5.1", 1_762_000_000),
  m("gpt-5-mini", 1_754_000_000, "system", "2026-12-11"),
  m("gpt-4.1", 1_744_000_000),
  m("gpt-4.1-mini", 1_744_000_001),
  m("gpt-4o", 1_715_000_000),
  m("gpt-4o-mini", 1_721_000_000),
  m("gpt-4o-2024-05-13", 1_715_000_001, "system", "2026-10-23"),
  m("o3", 1_744_000_002),
  m("o4-mini", 1_744_000_003),
  m("text-embedding-3-small", 1_705_000_000),
  m("gpt-3.5-turbo-instruct", 1_692_000_000),
  m("omni-moderation-latest", 1_731_000_000),
  m("gpt-image-2", 1_776_700_000),
  m("gpt-image-2.5-flare", 1_788_800_000),
  m("gpt-image-2.6-sunburst", 1_793_800_000),
  // Shut down on OpenAI (2026-05-12) but still listed, as a compatible server may: the studio offers
  // variations only where a listed model serves them, and must show the date.
  m("dall-e-2", 1_698_785_189, "system", "2026-05-12"),
  m("ft:gpt-4o-mini-2024-07-18:benchtop::emu12345", 1_760_000_000, "user-emulator"),
];

export function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || model.startsWith("gpt-5");
}

/** The fixed list plus the models fine-tuning jobs have made (finished models and kept checkpoints). */
function available(ctx: Ctx): EmulatedModel[] {
  return [...MODELS, ...fineTunedModels(ctx.state)].filter((x) => !ctx.state.deletedModels.has(x.id));
}

export function listModels(ctx: Ctx): void {
  sendJson(ctx, 200, { object: "list", data: available(ctx) });
}

function find(ctx: Ctx, id: string): EmulatedModel {
  const model = available(ctx).find((x) => x.id === id);
  if (!model) {
    throw new HttpError(
      404,
      `The model '${id}' does not exist or you do not have access to it.`,
      "model",
      "model_not_found",
    );
  }
  return model;
}

export function retrieveModel(ctx: Ctx): void {
  sendJson(ctx, 200, find(ctx, ctx.params[0] ?? ""));
}

export function deleteModel(ctx: Ctx): void {
  const model = find(ctx, ctx.params[0] ?? "");
  if (!model.id.startsWith("ft:")) {
    throw new HttpError(
      403,
      "You have insufficient permissions for this operation. Only fine-tuned models can be deleted.",
      null,
      "insufficient_permissions",
      "invalid_request_error",
    );
  }
  ctx.state.deletedModels.add(model.id);
  sendJson(ctx, 200, { id: model.id, object: "model", deleted: true });
}

/** Every model-calling endpoint checks its model exists first, as the API does. */
export function requireModel(ctx: Ctx, body: Record<string, unknown>): string {
  const id = body.model;
  if (typeof id !== "string" || !id)
    throw new HttpError(400, "Missing required parameter: 'model'.", "model", "missing_required_parameter");
  return find(ctx, id).id;
}
