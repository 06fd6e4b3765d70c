import { formatBytes } from "@/lib/format";
import type { ImageSpec } from "@/lib/models/schema";

/**
 * An edit's inputs checked against the model's rules before anything is sent, each message quoting
 * the rule it breaks (count, format, size, dimensions), so a refusal costs no request.
 */

export const DEFAULT_INPUT_RULE: NonNullable<ImageSpec["input"]> = {
  formats: ["png", "webp", "jpeg"],
  maxBytes: 50 * 1024 * 1024,
};

/** The API's mask rule for every model: a PNG under 4 MB, the first image's width and height. */
export const MASK_MAX_BYTES = 4 * 1024 * 1024;

const FORMAT_NAMES: Record<string, string> = { png: "PNG", jpeg: "JPEG", webp: "WEBP", gif: "GIF" };

export function formatName(f: string): string {
  return FORMAT_NAMES[f] ?? f.toUpperCase();
}

/** `image/jpeg` → `jpeg`; null for a type that is not an image. */
export function formatOfType(type: string): string | null {
  const m = /^image\/([a-z0-9.+-]+)$/i.exec(type);
  if (!m?.[1]) return null;
  const f = m[1].toLowerCase();
  return f === "jpg" ? "jpeg" : f;
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** The rule in words, shown beside the inputs. */
export function inputRuleText(spec: ImageSpec): string {
  const r = spec.input ?? DEFAULT_INPUT_RULE;
  const count = spec.maxInputs === 1 ? "One image" : `Up to ${spec.maxInputs} images`;
  const shape = r.square ? ", square" : "";
  return `${count}: ${list(r.formats.map(formatName))}${shape}, under ${formatBytes(r.maxBytes)} each.`;
}

/** A file the user picked, before it is read: its type must be one the model takes. */
export function checkInputFile(spec: ImageSpec, file: { name: string; type: string }): string | null {
  const r = spec.input ?? DEFAULT_INPUT_RULE;
  const f = formatOfType(file.type);
  if (!f) return `${file.name} is not an image.`;
  // Inputs are re-encoded to PNG (orientation applied), so any format the browser decodes would do;
  // the rule is still the model's, so a file it would refuse elsewhere is refused here too.
  if (!(r.formats as string[]).includes(f))
    return `${file.name} is ${formatName(f)}; this model takes ${list(r.formats.map(formatName))}.`;
  return null;
}

/** Not a broken rule, just where an edit starts: shown quietly. */
export const NO_INPUT = "Add an image to edit.";

export interface PreparedInput {
  name: string;
  width: number;
  height: number;
  /** Bytes as they will be sent. */
  bytes: number;
}

/** The inputs as they will be sent: count, size and shape, the first image's rule for the mask. */
export function checkInputs(spec: ImageSpec, inputs: PreparedInput[], label = "This model"): string[] {
  const r = spec.input ?? DEFAULT_INPUT_RULE;
  const out: string[] = [];
  if (spec.maxInputs === 0) return [`${label} does not edit images.`];
  if (inputs.length === 0) out.push(NO_INPUT);
  if (inputs.length > spec.maxInputs)
    out.push(
      `${label} takes at most ${spec.maxInputs} input ${spec.maxInputs === 1 ? "image" : "images"}; ${inputs.length} are attached.`,
    );
  for (const i of inputs) {
    if (i.bytes >= r.maxBytes)
      out.push(`${i.name} is ${formatBytes(i.bytes)}; each image must be under ${formatBytes(r.maxBytes)}.`);
    if (r.square && i.width !== i.height)
      out.push(`${i.name} is ${i.width}x${i.height}; this model takes square images only.`);
  }
  return out;
}

/** The mask against the API's rule: the first image's dimensions, a PNG under 4 MB. */
export function checkMask(
  mask: { width: number; height: number; bytes?: number },
  first: { width: number; height: number },
): string | null {
  if (mask.width !== first.width || mask.height !== first.height)
    return `The mask is ${mask.width}x${mask.height}; it must be the first image's size, ${first.width}x${first.height}.`;
  if (mask.bytes !== undefined && mask.bytes >= MASK_MAX_BYTES)
    return `The mask is ${formatBytes(mask.bytes)} as PNG; masks must be under ${formatBytes(MASK_MAX_BYTES)}.`;
  return null;
}
