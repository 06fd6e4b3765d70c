import { HttpError } from "./http";
import { intInRange, invalidType } from "./validate";

/**
 * What each image model accepts, from the API notes (§4 and the 2026-12 addendum). The emulator's
 * own table on purpose: it stands for the upstream, so it must not share the console's catalogue
 * (a catalogue mistake should show up as an upstream 400 in tests, not be mirrored by it).
 */
export type ImageEndpoint = "generations" | "edits" | "variations";

export interface ImageRules {
  endpoints: ImageEndpoint[];
  sizes: string[];
  /** gpt-image-2 and later: any WxH, sides multiples of 16, aspect 1:3–3:1, up to 3840x2160. */
  customSizes: boolean;
  qualities: string[];
  /** Empty: `background` is an unknown parameter. */
  backgrounds: string[];
  /** Empty: DALL·E, which takes `response_format` instead of `output_format`. */
  formats: string[];
  maxN: number;
  promptMax: number;
  stream: boolean;
  maxInputs: number;
  inputMaxBytes: number;
  inputFormats: string[];
  /** DALL·E 2: one square PNG, and the mask is a hard boundary. */
  exactMask: boolean;
  inputFidelity: boolean;
  styles: string[];
  complexity: boolean;
  /** DALL·E 3 rewrites every prompt; the others only short ones (see revisedPrompt). */
  alwaysRevises: boolean;
}

const MB = 1024 * 1024;
const GPT_SIZES = ["1024x1024", "1536x1024", "1024x1536", "auto"];
const GPT_QUALITIES = ["auto", "high", "medium", "low"];

const GPT_IMAGE: ImageRules = {
  endpoints: ["generations", "edits"],
  sizes: GPT_SIZES,
  customSizes: false,
  qualities: GPT_QUALITIES,
  backgrounds: ["transparent", "opaque", "auto"],
  formats: ["png", "jpeg", "webp"],
  maxN: 10,
  promptMax: 32_000,
  stream: true,
  maxInputs: 16,
  inputMaxBytes: 50 * MB,
  inputFormats: ["png", "jpg", "webp"],
  exactMask: false,
  inputFidelity: true,
  styles: [],
  complexity: false,
  alwaysRevises: false,
};
const GPT_IMAGE_2: ImageRules = { ...GPT_IMAGE, customSizes: true, inputFidelity: false };
const GPT_IMAGE_25: ImageRules = { ...GPT_IMAGE_2, qualities: [...GPT_QUALITIES, "xhigh", "max"] };
const GPT_IMAGE_26: ImageRules = {
  ...GPT_IMAGE_25,
  formats: [...GPT_IMAGE.formats, "gif", "svg"],
  complexity: true,
};
const DALL_E_2: ImageRules = {
  ...GPT_IMAGE,
  endpoints: ["generations", "edits", "variations"],
  sizes: ["256x256", "512x512", "1024x1024"],
  qualities: ["standard"],
  backgrounds: [],
  formats: [],
  promptMax: 1000,
  stream: false,
  maxInputs: 1,
  inputMaxBytes: 4 * MB,
  inputFormats: ["png"],
  exactMask: true,
  inputFidelity: false,
};
const DALL_E_3: ImageRules = {
  ...DALL_E_2,
  endpoints: ["generations"],
  sizes: ["1024x1024", "1792x1024", "1024x1792"],
  qualities: ["standard", "hd"],
  maxN: 1,
  promptMax: 4000,
  styles: ["vivid", "natural"],
  alwaysRevises: true,
};

/** By id prefix, most specific first; an unknown model gets the newest GPT image rules. */
const BY_PREFIX: [string, ImageRules][] = [
  ["dall-e-2", DALL_E_2],
  ["dall-e-3", DALL_E_3],
  ["gpt-image-1-mini", GPT_IMAGE],
  ["gpt-image-1", GPT_IMAGE],
  ["chatgpt-image", { ...GPT_IMAGE, endpoints: ["edits"] }],
  ["gpt-image-2.6", GPT_IMAGE_26],
  ["gpt-image-2.5", GPT_IMAGE_25],
  ["gpt-image-2", GPT_IMAGE_2],
];

export function rulesFor(model: string): ImageRules {
  const rules = BY_PREFIX.find(([p]) => model === p || model.startsWith(p))?.[1] ?? GPT_IMAGE_2;
  return model.startsWith("gpt-image-1-mini") ? { ...rules, inputFidelity: false } : rules;
}

const list = (values: string[]) =>
  values.length < 2
    ? values.map((v) => `'${v}'`).join("")
    : `${values
        .slice(0, -1)
        .map((v) => `'${v}'`)
        .join(", ")} and '${values.at(-1)}'`;

function invalidValue(param: string, value: unknown, allowed: string[]): HttpError {
  return new HttpError(
    400,
    `Invalid value: '${String(value)}'. Supported values are: ${list(allowed)}.`,
    param,
    "invalid_value",
  );
}

function unknownParameter(param: string): HttpError {
  return new HttpError(400, `Unknown parameter: '${param}'.`, param, "unknown_parameter");
}

const present = (v: unknown) => v !== undefined && v !== null;

/** Parses `WxH`; null when it is not that shape. */
export function parseSize(size: string): { width: number; height: number } | null {
  const m = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** The WxH rule of gpt-image-2 and later; the message names what is wrong, as the API's does. */
function checkCustomSize(size: string): void {
  const wh = parseSize(size);
  const fail = (why: string) =>
    new HttpError(400, `Invalid value for 'size': '${size}'. ${why}`, "size", "invalid_value");
  if (!wh) throw invalidValue("size", size, [...GPT_SIZES, "WxH"]);
  const { width, height } = wh;
  if (width % 16 || height % 16) throw fail("Width and height must both be multiples of 16.");
  if (width < 16 || height < 16) throw fail("Width and height must be at least 16.");
  if (Math.max(width, height) / Math.min(width, height) > 3)
    throw fail("The aspect ratio must be between 1:3 and 3:1.");
  if (Math.max(width, height) > 3840 || width * height > 3840 * 2160)
    throw fail("The largest supported size is 3840x2160 (8,294,400 pixels).");
}

export interface ImageParams {
  model: string;
  prompt: string;
  n: number;
  /** `auto` or WxH, as asked. */
  size: string;
  quality: string;
  background: string;
  outputFormat: string;
  stream: boolean;
  partialImages: number;
  responseFormat: "url" | "b64_json";
}

/**
 * Checks a generation's or edit's parameters against the model's rules. `body` holds JSON values;
 * multipart fields arrive as strings and are coerced first (coerceFields).
 */
export function checkImageParams(
  endpoint: ImageEndpoint,
  model: string,
  body: Record<string, unknown>,
): ImageParams {
  const rules = rulesFor(model);
  if (!rules.endpoints.includes(endpoint)) {
    throw new HttpError(
      400,
      `The model '${model}' does not support the images/${endpoint} endpoint.`,
      "model",
      "invalid_value",
    );
  }
  const prompt = body.prompt;
  if (endpoint !== "variations") {
    if (!present(prompt) || prompt === "")
      throw new HttpError(
        400,
        "Missing required parameter: 'prompt'.",
        "prompt",
        "missing_required_parameter",
      );
    if (typeof prompt !== "string") throw invalidType("prompt", "a string", prompt);
    if (prompt.length > rules.promptMax) {
      throw new HttpError(
        400,
        `Invalid 'prompt': string too long. Expected a string with maximum length ${rules.promptMax}, but got a string with length ${prompt.length} instead.`,
        "prompt",
        "string_above_max_length",
      );
    }
  }
  const n = present(body.n) ? intInRange(body.n, "n", 1, rules.maxN) : 1;

  const size = present(body.size) ? String(body.size) : rules.sizes.includes("auto") ? "auto" : "1024x1024";
  if (!rules.sizes.includes(size)) {
    if (rules.customSizes) checkCustomSize(size);
    else throw invalidValue("size", size, rules.sizes);
  }

  const quality = present(body.quality) ? String(body.quality) : (rules.qualities[0] ?? "auto");
  if (!rules.qualities.includes(quality)) throw invalidValue("quality", quality, rules.qualities);

  for (const p of ["background", "output_format", "output_compression", "moderation", "partial_images"]) {
    if (rules.formats.length === 0 && present(body[p])) throw unknownParameter(p);
  }
  if (rules.formats.length && present(body.response_format)) throw unknownParameter("response_format");
  if (!rules.stream && body.stream === true) throw unknownParameter("stream");
  if (!rules.styles.length && present(body.style)) throw unknownParameter("style");
  if (rules.styles.length && present(body.style) && !rules.styles.includes(String(body.style)))
    throw invalidValue("style", body.style, rules.styles);
  if (!rules.complexity && present(body.complexity)) throw unknownParameter("complexity");
  if (endpoint === "edits" && present(body.input_fidelity)) {
    if (!rules.inputFidelity) {
      throw new HttpError(
        400,
        `Invalid 'input_fidelity': the model '${model}' does not support input fidelity.`,
        "input_fidelity",
        "unsupported_parameter",
      );
    }
    if (!["high", "low"].includes(String(body.input_fidelity)))
      throw invalidValue("input_fidelity", body.input_fidelity, ["high", "low"]);
  }
  if (present(body.moderation) && !["auto", "low"].includes(String(body.moderation)))
    throw invalidValue("moderation", body.moderation, ["auto", "low"]);

  const outputFormat = present(body.output_format) ? String(body.output_format) : "png";
  if (rules.formats.length && !rules.formats.includes(outputFormat))
    throw invalidValue("output_format", outputFormat, rules.formats);
  const background = present(body.background) ? String(body.background) : "auto";
  if (rules.backgrounds.length && !rules.backgrounds.includes(background))
    throw invalidValue("background", background, rules.backgrounds);
  if (background === "transparent" && !["png", "webp"].includes(outputFormat)) {
    throw new HttpError(
      400,
      `Transparent background is not supported for output format '${outputFormat}'. Use 'png' or 'webp'.`,
      "background",
      "invalid_value",
    );
  }
  if (present(body.output_compression)) {
    if (!["jpeg", "webp"].includes(outputFormat)) {
      throw new HttpError(
        400,
        `Invalid 'output_compression': compression is only supported for the 'jpeg' and 'webp' output formats, not '${outputFormat}'.`,
        "output_compression",
        "invalid_value",
      );
    }
    intInRange(body.output_compression, "output_compression", 0, 100);
  }
  const stream = body.stream === true;
  const partialImages = present(body.partial_images)
    ? intInRange(body.partial_images, "partial_images", 0, 3)
    : 0;
  if (outputFormat === "gif" && (stream || present(body.partial_images))) {
    throw new HttpError(400, "GIF output cannot be streamed.", "stream", "invalid_value");
  }
  const rf = present(body.response_format) ? String(body.response_format) : "url";
  if (rf !== "url" && rf !== "b64_json") throw invalidValue("response_format", rf, ["url", "b64_json"]);
  return {
    model,
    prompt: typeof prompt === "string" ? prompt : "",
    n,
    size,
    quality,
    background,
    outputFormat,
    stream,
    partialImages,
    responseFormat: rules.formats.length ? "b64_json" : rf,
  };
}

const NUMERIC = new Set(["n", "partial_images", "output_compression", "frame_count", "frame_duration_ms"]);

/** Multipart sends every field as text: numbers and booleans become what JSON would have carried. */
export function coerceFields(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (NUMERIC.has(k) && /^-?\d+(\.\d+)?$/.test(v)) out[k] = Number(v);
    else if (k === "stream") out[k] = v === "true" ? true : v === "false" ? false : v;
    else out[k] = v;
  }
  return out;
}

/** The size of the answer: `auto` is 1024x1024, or the first input's size on an edit. */
export function outputSize(
  size: string,
  firstInput: { width: number; height: number } | null,
): { width: number; height: number } {
  return parseSize(size) ?? firstInput ?? { width: 1024, height: 1024 };
}

const OUTPUT_TOKENS: Record<string, number> = {
  low: 272,
  medium: 1056,
  auto: 1056,
  standard: 1056,
  high: 4160,
  hd: 4160,
  xhigh: 6240,
  max: 8320,
};

/** Tokens as §4.5 shapes them: output by area and quality, input text plus input images by area. */
export function imageUsage(
  p: ImageParams,
  width: number,
  height: number,
  inputs: { width: number; height: number }[],
) {
  const text = Math.max(1, Math.ceil(p.prompt.length / 4));
  const image = inputs.reduce((a, i) => a + 65 + 129 * Math.ceil((i.width * i.height) / (512 * 512)), 0);
  const output = Math.ceil(((OUTPUT_TOKENS[p.quality] ?? 1056) * width * height) / (1024 * 1024));
  return {
    input_tokens: text + image,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens: output,
    total_tokens: text + image + output,
  };
}

/**
 * A revised prompt independent of any catalogue: DALL·E 3 always rewrites; the others expand a
 * prompt of fewer than eight words, as the newer models do with terse prompts.
 */
export function revisedPrompt(model: string, prompt: string): string | undefined {
  const words = prompt.trim().split(/\s+/).filter(Boolean).length;
  if (!rulesFor(model).alwaysRevises && words >= 8) return undefined;
  return `A detailed, well-lit image of ${prompt.trim()}, with a clear subject, balanced composition and natural colours.`;
}
