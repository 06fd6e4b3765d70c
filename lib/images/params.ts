import type { ImageSpec } from "@/lib/models/schema";

/**
 * The studio's form, read from a model's `image` spec (lib/models/catalogue.ts): which fields show,
 * what they offer, and the request body they make. Pure, so the per-model behaviour is tested
 * without a browser; no field is special-cased by model id.
 */

/** `complexity` values of gpt-image-2.6 (reported; the API reference does not list them yet). */
export const COMPLEXITIES = ["auto", "low", "medium", "high"] as const;

/** The form's values, kept in the draft. Fields a model does not take are kept but not sent. */
export interface ImageParams {
  /** A size from the spec's list, or "custom" for `customWidth`x`customHeight`. */
  size: string;
  customWidth: number;
  customHeight: number;
  quality: string;
  background: string;
  outputFormat: string;
  compression: number;
  n: number;
  moderation: "auto" | "low";
  style: string;
  inputFidelity: "low" | "high";
  stream: boolean;
  partialImages: number;
  complexity: string;
  frameCount: number;
  frameDurationMs: number;
}

export const DEFAULT_PARAMS: ImageParams = {
  size: "auto",
  customWidth: 1024,
  customHeight: 1024,
  quality: "auto",
  background: "auto",
  outputFormat: "png",
  compression: 100,
  n: 1,
  moderation: "auto",
  style: "",
  inputFidelity: "low",
  stream: true,
  partialImages: 2,
  complexity: "auto",
  frameCount: 9,
  frameDurationMs: 200,
};

const has = (list: readonly string[], v: string) => list.includes(v);
const pick = (value: string, allowed: readonly string[], fallback = allowed[0] ?? "") =>
  allowed.includes(value) ? value : fallback;

/**
 * The params with every value the model cannot take moved to one it can, so switching model never
 * leaves a hidden value that the upstream would refuse. Values the model does take stay as chosen.
 */
export function fitParams(p: ImageParams, spec: ImageSpec): ImageParams {
  const gif = spec.gif;
  return {
    ...p,
    size: p.size === "custom" && spec.customSizes ? "custom" : pick(p.size, spec.sizes),
    quality: pick(p.quality, spec.qualities),
    background: spec.backgrounds.length ? pick(p.background, spec.backgrounds) : p.background,
    outputFormat: spec.formats.length ? pick(p.outputFormat, spec.formats) : p.outputFormat,
    n: Math.min(Math.max(1, Math.round(p.n) || 1), IMAGE_N_MAX),
    style: spec.styles.length ? pick(p.style, spec.styles) : "",
    partialImages: Math.min(Math.max(0, p.partialImages), spec.partialImages),
    frameCount: gif ? clamp(p.frameCount, gif.frameCount.min, gif.frameCount.max) : p.frameCount,
    frameDurationMs: gif ? Math.max(gif.frameDurationMs.min, p.frameDurationMs) : p.frameDurationMs,
  };
}

/** Results one run makes at most; a model whose `maxN` is lower gets parallel requests. */
export const IMAGE_N_MAX = 10;

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(v) || min));
}

export function sizeValue(p: ImageParams): string {
  return p.size === "custom" ? `${p.customWidth}x${p.customHeight}` : p.size;
}

/** The custom-size rule in words, as shown under the field and quoted when a size breaks it. */
export function sizeRuleText(spec: ImageSpec): string | null {
  const r = spec.customSizes;
  if (!r) return null;
  const max = Math.round(Math.sqrt(r.maxPixels / (16 / 9)));
  const parts = [
    `sides multiples of ${r.multipleOf}`,
    `aspect 1:${r.maxAspect} to ${r.maxAspect}:1`,
    `at most ${r.maxEdge} px a side and ${r.maxPixels.toLocaleString("en")} pixels (${Math.round(max * (16 / 9))}x${max})`,
  ];
  const exp = r.experimentalAbovePixels
    ? `; above ${r.experimentalAbovePixels.toLocaleString("en")} pixels is experimental`
    : "";
  return `Any WxH with ${parts.join(", ")}${exp}.`;
}

/** Why a custom size is refused, quoting the rule it breaks; null when it fits. */
export function customSizeError(spec: ImageSpec, width: number, height: number): string | null {
  const r = spec.customSizes;
  if (!r) return "This model takes only its listed sizes.";
  const size = `${width}x${height}`;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    return "Width and height must be whole numbers of pixels.";
  if (width % r.multipleOf || height % r.multipleOf)
    return `${size}: both sides must be multiples of ${r.multipleOf}.`;
  if (Math.max(width, height) / Math.min(width, height) > r.maxAspect)
    return `${size}: the aspect ratio must be between 1:${r.maxAspect} and ${r.maxAspect}:1.`;
  if (Math.max(width, height) > r.maxEdge) return `${size}: a side may be at most ${r.maxEdge} px.`;
  if (width * height > r.maxPixels)
    return `${size}: at most ${r.maxPixels.toLocaleString("en")} pixels (${(width * height).toLocaleString("en")} asked).`;
  return null;
}

/** A warning (not an error) for a size that works but is experimental. */
export function customSizeWarning(spec: ImageSpec, width: number, height: number): string | null {
  const above = spec.customSizes?.experimentalAbovePixels;
  return above && width * height > above
    ? `Above ${above.toLocaleString("en")} pixels: results are experimental.`
    : null;
}

export type ImageMode = "generate" | "edit" | "variations";

/** Not a mistake, just where a run starts: shown quietly. */
export const NO_PROMPT = "Write a prompt.";

/** Every reason the form cannot be sent as it stands, for the Run button and its hint. */
export function formErrors(mode: ImageMode, prompt: string, p: ImageParams, spec: ImageSpec): string[] {
  const out: string[] = [];
  if (mode !== "variations") {
    if (!prompt.trim()) out.push(NO_PROMPT);
    if (prompt.length > spec.promptMaxChars)
      out.push(
        `The prompt is ${prompt.length.toLocaleString("en")} characters; this model takes at most ${spec.promptMaxChars.toLocaleString("en")}.`,
      );
  }
  if (p.size === "custom") {
    const e = customSizeError(spec, p.customWidth, p.customHeight);
    if (e) out.push(e);
  }
  if (
    p.background === "transparent" &&
    has(spec.backgrounds, "transparent") &&
    !["png", "webp"].includes(p.outputFormat)
  )
    out.push("A transparent background needs PNG or WEBP output.");
  return out;
}

/** Whether this run streams: the model streams, the user asked for it, and the output can stream. */
export function streams(p: ImageParams, spec: ImageSpec, mode: ImageMode): boolean {
  return mode !== "variations" && spec.stream && p.stream && !(spec.gif && p.outputFormat === "gif");
}

/**
 * The request's parameters (everything but the prompt, model and images) as the API names them.
 * Values at the API's default are left out, so a compatible server that knows fewer parameters still
 * answers; `model` is always sent, since the spec's generation default is dall-e-2.
 */
export function requestParams(
  mode: ImageMode,
  p: ImageParams,
  spec: ImageSpec,
  perRequestN: number,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (perRequestN > 1) out.n = perRequestN;
  const size = sizeValue(p);
  if (size !== "auto") out.size = size;
  if (mode === "variations") {
    out.response_format = "b64_json";
    return out;
  }
  if (has(spec.qualities, p.quality) && p.quality !== "auto" && spec.qualities.length > 1)
    out.quality = p.quality;
  if (has(spec.backgrounds, p.background) && p.background !== "auto") out.background = p.background;
  // DALL·E answers with URLs by default, which expire: ask for the bytes.
  if (spec.formats.length === 0) out.response_format = "b64_json";
  else if (has(spec.formats, p.outputFormat) && p.outputFormat !== "png") out.output_format = p.outputFormat;
  if (spec.compression && (p.outputFormat === "jpeg" || p.outputFormat === "webp") && p.compression !== 100)
    out.output_compression = p.compression;
  if (spec.moderation && p.moderation !== "auto") out.moderation = p.moderation;
  if (has(spec.styles, p.style) && mode === "generate") out.style = p.style;
  if (spec.inputFidelity && mode === "edit" && p.inputFidelity !== "low")
    out.input_fidelity = p.inputFidelity;
  if (spec.complexity && p.complexity !== "auto") out.complexity = p.complexity;
  if (spec.gif && p.outputFormat === "gif") {
    out.frame_count = p.frameCount;
    out.frame_duration_ms = p.frameDurationMs;
  }
  if (streams(p, spec, mode)) {
    out.stream = true;
    out.partial_images = p.partialImages;
  }
  return out;
}

/**
 * How a run of `n` results is split into requests: one request when the model takes `n` at once and
 * nothing streams; otherwise `n` parallel requests of one each (a stream's events do not say which of
 * several images they belong to, and some models take `n` = 1 only).
 */
export function requestSplit(n: number, spec: ImageSpec, streaming: boolean): number[] {
  const want = Math.min(Math.max(1, Math.round(n) || 1), IMAGE_N_MAX);
  if (!streaming && spec.maxN >= want) return [want];
  const per = streaming ? 1 : spec.maxN;
  const out: number[] = [];
  for (let left = want; left > 0; left -= per) out.push(Math.min(per, left));
  return out;
}
