import * as z from "zod/mini";
import "@/lib/zod-locale";
import { maskDocSchema } from "./mask-schema";
import { DEFAULT_PARAMS, type ImageMode, type ImageParams } from "./params";

/**
 * The image studio's draft as kept in localStorage: prompt, model, parameters, mode, the inputs (as
 * library or Files ids, never bytes) and the mask as vectors, so all of it survives reloads, retries
 * and prompt changes. Read through this schema; a draft that does not parse is set aside
 * (lib/draft-storage.ts) instead of breaking the page.
 */

export const IMAGE_MODES = ["generate", "edit", "variations"] as const satisfies readonly ImageMode[];

const paramsSchema = z.object({
  size: z.string().check(z.maxLength(32)),
  customWidth: z.number(),
  customHeight: z.number(),
  quality: z.string().check(z.maxLength(32)),
  background: z.string().check(z.maxLength(32)),
  outputFormat: z.string().check(z.maxLength(32)),
  compression: z.number().check(z.minimum(0), z.maximum(100)),
  n: z.number(),
  moderation: z.enum(["auto", "low"]),
  style: z.string().check(z.maxLength(32)),
  inputFidelity: z.enum(["low", "high"]),
  stream: z.boolean(),
  partialImages: z.number(),
  complexity: z.string().check(z.maxLength(32)),
  frameCount: z.number(),
  frameDurationMs: z.number(),
});

export const draftInputSchema = z.object({
  /** `library`: a stored image id; `file`: a Files API id (sent as `file_id`). */
  source: z.enum(["library", "file"]),
  id: z.string().check(z.maxLength(200)),
  name: z.string().check(z.maxLength(255)),
});
export type DraftInput = z.infer<typeof draftInputSchema>;

export const imageDraftSchema = z.object({
  mode: z.enum(IMAGE_MODES),
  prompt: z.string(),
  model: z.string().check(z.maxLength(200)),
  params: paramsSchema,
  inputs: z.array(draftInputSchema).check(z.maxLength(64)),
  mask: z.nullable(maskDocSchema),
  /** The edit area: what was drawn, or the first image's own transparent pixels. */
  maskSource: z.enum(["drawn", "transparency"]),
  /** Put the original back outside the edit area; null follows the model (on where masks are guidance). */
  keepOutside: z.nullable(z.boolean()),
  /** Pixels of blend inside the mask's edge when keeping the outside. */
  feather: z.number().check(z.minimum(0), z.maximum(64)),
});
export type ImageDraft = z.infer<typeof imageDraftSchema>;

export function defaultDraft(): ImageDraft {
  return {
    mode: "generate",
    prompt: "",
    model: "gpt-image-2",
    params: { ...DEFAULT_PARAMS } satisfies ImageParams,
    inputs: [],
    mask: null,
    maskSource: "drawn",
    keepOutside: null,
    feather: 0,
  };
}

export type DraftRead = { ok: true; value: ImageDraft } | { ok: false; reason: string };

/** Missing fields (an older build's draft) come from the defaults; a wrong type fails with its path. */
export function readImageDraft(raw: unknown): DraftRead {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, reason: "not an object" };
  const d = defaultDraft();
  const p = raw as Record<string, unknown>;
  const params = typeof p.params === "object" && p.params !== null ? p.params : {};
  const r = imageDraftSchema.safeParse({ ...d, ...p, params: { ...d.params, ...params } });
  if (r.success) return { ok: true, value: r.data as ImageDraft };
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  return { ok: false, reason: `${path ? `${path}: ` : ""}${issue?.message ?? "invalid"}` };
}
