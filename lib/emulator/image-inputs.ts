import { imageSize } from "image-size";
import { type Ctx, HttpError } from "./http";
import { decodeRgba, generatePixels, type Pixels, pngHasAlpha } from "./image-pixels";
import type { ImageRules } from "./image-rules";
import type { FilePart } from "./multipart";

/** An edit's input image or mask, whichever encoding brought it (a multipart part, a data URL, a file id). */
export interface ImageInput {
  bytes: Buffer;
  /** The parameter to name in an error: `image`, `images[1].file_id`, `mask`… */
  param: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function fromParts(files: FilePart[]): { images: ImageInput[]; mask: ImageInput | null } {
  const images: ImageInput[] = [];
  let mask: ImageInput | null = null;
  for (const f of files) {
    if (!f.content) {
      throw new HttpError(400, `Invalid '${f.field}': the file is too large.`, f.field, "image_too_large");
    }
    if (f.field === "image" || f.field === "image[]") images.push({ bytes: f.content, param: "image" });
    else if (f.field === "mask") mask = { bytes: f.content, param: "mask" };
  }
  return { images, mask };
}

/** The JSON form: `images: [{image_url | file_id}]`, `mask: {image_url | file_id}`. */
export function fromJson(
  ctx: Ctx,
  body: Record<string, unknown>,
): { images: ImageInput[]; mask: ImageInput | null } {
  if (body.images === undefined)
    throw new HttpError(400, "Missing required parameter: 'images'.", "images", "missing_required_parameter");
  if (!Array.isArray(body.images))
    throw new HttpError(400, "Invalid type for 'images': expected an array.", "images", "invalid_type");
  const images = body.images.map((ref, i) => resolveRef(ctx, ref, `images[${i}]`));
  const mask = body.mask === undefined || body.mask === null ? null : resolveRef(ctx, body.mask, "mask");
  return { images, mask };
}

function resolveRef(ctx: Ctx, ref: unknown, at: string): ImageInput {
  if (!isObj(ref) || (ref.image_url === undefined && ref.file_id === undefined)) {
    throw new HttpError(
      400,
      `Invalid '${at}': expected an object with 'image_url' or 'file_id'.`,
      at,
      "invalid_value",
    );
  }
  if (typeof ref.file_id === "string") {
    const f = ctx.state.files.get(ref.file_id);
    if (!f?.content)
      throw new HttpError(
        400,
        `Invalid '${at}.file_id': no such file '${ref.file_id}'.`,
        `${at}.file_id`,
        "invalid_value",
      );
    return { bytes: f.content, param: `${at}.file_id` };
  }
  const url = String(ref.image_url);
  const m = /^data:[^,;]*(;base64)?,(.*)$/s.exec(url);
  if (!m) {
    throw new HttpError(
      400,
      `Invalid '${at}.image_url': the emulator takes data URLs only (it does not download images).`,
      `${at}.image_url`,
      "invalid_image_url",
    );
  }
  const bytes = m[1]
    ? Buffer.from(m[2] ?? "", "base64")
    : Buffer.from(decodeURIComponent(m[2] ?? ""), "latin1");
  return { bytes, param: `${at}.image_url` };
}

export interface CheckedImage {
  width: number;
  height: number;
  type: string;
  bytes: Buffer;
}

function typeOf(input: ImageInput): { width: number; height: number; type: string } {
  try {
    const r = imageSize(input.bytes);
    if (r.width && r.height && r.type) return { width: r.width, height: r.height, type: r.type };
  } catch {
    // Falls through to the API's message.
  }
  throw new HttpError(
    400,
    `Invalid image file or mode for '${input.param}', please check your image file.`,
    input.param,
    "invalid_image_format",
  );
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Count, format, size and (DALL·E 2) shape of the input images, with the API's kind of messages. */
export function checkInputs(images: ImageInput[], rules: ImageRules): CheckedImage[] {
  if (images.length === 0)
    throw new HttpError(400, "Missing required parameter: 'image'.", "image", "missing_required_parameter");
  if (images.length > rules.maxInputs) {
    throw new HttpError(
      400,
      `Invalid 'image': too many images. Expected at most ${rules.maxInputs}, but got ${images.length}.`,
      "image",
      "array_above_max_length",
    );
  }
  return images.map((input) => {
    if (input.bytes.length >= rules.inputMaxBytes) {
      throw new HttpError(
        400,
        `Invalid '${input.param}': image files must be smaller than ${mb(rules.inputMaxBytes)} (got ${(input.bytes.length / 1024 / 1024).toFixed(1)} MB).`,
        input.param,
        "image_too_large",
      );
    }
    const t = typeOf(input);
    if (!rules.inputFormats.includes(t.type)) {
      throw new HttpError(
        400,
        `Invalid '${input.param}': unsupported image format '${t.type}'. Supported formats are: ${rules.inputFormats.join(", ")}.`,
        input.param,
        "invalid_image_format",
      );
    }
    if (rules.exactMask && t.width !== t.height) {
      throw new HttpError(
        400,
        `Invalid '${input.param}': the image must be square (got ${t.width}x${t.height}).`,
        input.param,
        "invalid_image_dimensions",
      );
    }
    return { ...t, bytes: input.bytes };
  });
}

/** The mask: a PNG under 4 MB with an alpha channel, exactly the first image's size. */
export function checkMask(mask: ImageInput, first: CheckedImage): Pixels {
  if (mask.bytes.length >= 4 * 1024 * 1024) {
    throw new HttpError(
      400,
      "Invalid 'mask': the mask must be smaller than 4 MB.",
      mask.param,
      "image_too_large",
    );
  }
  const t = typeOf(mask);
  if (t.type !== "png")
    throw new HttpError(
      400,
      `Invalid 'mask': the mask must be a PNG (got ${t.type}).`,
      mask.param,
      "invalid_image_format",
    );
  if (!pngHasAlpha(mask.bytes)) {
    throw new HttpError(
      400,
      "Invalid 'mask': the mask must have an alpha channel (RGBA, LA, or a palette with transparency); fully transparent pixels mark the area to edit.",
      mask.param,
      "invalid_image_file",
    );
  }
  if (t.width !== first.width || t.height !== first.height) {
    throw new HttpError(
      400,
      `Invalid 'mask': the mask (${t.width}x${t.height}) and the image (${first.width}x${first.height}) must have the same dimensions.`,
      mask.param,
      "invalid_image_dimensions",
    );
  }
  return decodeRgba(mask.bytes);
}

/**
 * The first input's pixels as RGBA. PNGs are decoded; the emulator has no JPEG or WebP decoder, so
 * those stand in as a pattern seeded by their bytes, at their real size.
 */
export function inputPixels(img: CheckedImage): Pixels {
  if (img.type === "png") return decodeRgba(img.bytes);
  const p = generatePixels(img.bytes.subarray(0, 4096).toString("base64"), img.width, img.height, false);
  const data = new Uint8Array(img.width * img.height * 4);
  for (let i = 0, j = 0; i < p.data.length; i += 3, j += 4) {
    data[j] = p.data[i] ?? 0;
    data[j + 1] = p.data[i + 1] ?? 0;
    data[j + 2] = p.data[i + 2] ?? 0;
    data[j + 3] = 255;
  }
  return { width: img.width, height: img.height, channels: 4, data };
}
