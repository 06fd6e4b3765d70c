import type {
  ImageEditCompletedEvent,
  ImageGenCompletedEvent,
  ImagesResponse,
} from "openai/resources/images";
import { asRecord, type Ctx, HttpError, sendJson, streamEvents } from "./http";
import { checkInputs, checkMask, fromJson, fromParts, inputPixels } from "./image-inputs";
import { editPixels, encodePng, generatePixels, type Pixels } from "./image-pixels";
import {
  checkImageParams,
  coerceFields,
  type ImageParams,
  imageUsage,
  outputSize,
  revisedPrompt,
  rulesFor,
} from "./image-rules";
import { requireModel } from "./models";
import { readMultipart } from "./multipart";
import { KEEP_BYTES, type LoggedPart } from "./state";

/**
 * POST /v1/images/generations, /edits (multipart or JSON) and /variations (DALL·E 2 only). Answers
 * are PNGs computed from the prompt (image-pixels.ts); streaming sends `partial_images` partials per
 * image, then a completed event with usage. A prompt containing `[[blocked]]` is refused as OpenAI's
 * moderation refuses.
 */

// The SDK's types list the 2025 sizes, formats and qualities only; newer models answer others.
type Widened<T> = Omit<T, "size" | "quality" | "output_format" | "background"> & {
  size: string;
  quality: string;
  output_format: string;
  background: string;
};
type CompletedEvent = Widened<ImageGenCompletedEvent> | Widened<Omit<ImageEditCompletedEvent, "type">>;
type Usage = NonNullable<ImagesResponse["usage"]>;

/** Parts logged with their bytes (base64) up to this size each, for tests that decode what arrived. */
const LOG_PART_BYTES = 16 * 1024 * 1024;

function blocked(prompt: string): void {
  if (!prompt.includes("[[blocked]]")) return;
  throw new HttpError(
    400,
    "Your request was rejected as a result of our safety system. Your request may contain content that is not allowed by our safety system.",
    null,
    "moderation_blocked",
    "image_generation_user_error",
  );
}

/** `x-ratelimit-*-images` as a gateway reports them: 50 images a minute, replenished continuously. */
function imageRateHeaders(ctx: Ctx, n: number): Record<string, string> {
  const rate = ctx.state.rate;
  rate.images = (rate.images ?? 0) + n;
  const resetMs = Math.max(1, 60_000 - (Date.now() - rate.windowStart));
  return {
    "x-ratelimit-limit-images": "50",
    "x-ratelimit-remaining-images": String(Math.max(0, 50 - rate.images)),
    "x-ratelimit-reset-images": `${(resetMs / 1000).toFixed(3).replace(/\.?0+$/, "")}s`,
  };
}

/** The model named, or DALL·E 2, the API's default when none is (§4.1: always send `model`). */
function modelOf(ctx: Ctx, body: Record<string, unknown>): string {
  return body.model === undefined ? "dall-e-2" : requireModel(ctx, body);
}

export async function imageGenerations(ctx: Ctx): Promise<void> {
  const body = asRecord(ctx.json);
  const p = checkImageParams("generations", modelOf(ctx, body), body);
  blocked(p.prompt);
  const { width, height } = outputSize(p.size, null);
  const transparent = p.background === "transparent";
  await answer(ctx, "image_generation", p, width, height, [], (seed, coarse) =>
    generatePixels(seed, width, height, transparent, coarse),
  );
}

export async function imageEdits(ctx: Ctx): Promise<void> {
  const multipart = /^multipart\//i.test(ctx.req.headers["content-type"] ?? "");
  let body: Record<string, unknown>;
  let inputs: ReturnType<typeof fromParts>;
  if (multipart) {
    const form = await readMultipart(ctx.req, ctx.req.headers["content-type"], KEEP_BYTES);
    logParts(ctx, form.fields, form.files);
    body = coerceFields(form.fields);
    inputs = fromParts(form.files);
  } else {
    body = asRecord(await jsonBody(ctx));
    inputs = fromJson(ctx, body);
  }
  const p = checkImageParams("edits", modelOf(ctx, body), body);
  const rules = rulesFor(p.model);
  const checked = checkInputs(inputs.images, rules);
  const first = checked[0] as (typeof checked)[number];
  const mask = inputs.mask ? checkMask(inputs.mask, first) : null;
  blocked(p.prompt);
  const { width, height } = outputSize(p.size, first);
  const source = inputPixels(first);
  await answer(ctx, "image_edit", p, width, height, checked, (seed, coarse) =>
    coarse > 1
      ? generatePixels(seed, width, height, false, coarse)
      : editPixels(seed, source, mask, width, height, rules.exactMask),
  );
}

export async function imageVariations(ctx: Ctx): Promise<void> {
  const form = await readMultipart(ctx.req, ctx.req.headers["content-type"], KEEP_BYTES);
  logParts(ctx, form.fields, form.files);
  const body = coerceFields(form.fields);
  const p = checkImageParams("variations", modelOf(ctx, body), body);
  const checked = checkInputs(fromParts(form.files).images, rulesFor(p.model));
  const first = checked[0] as (typeof checked)[number];
  const seed = first.bytes.subarray(0, 4096).toString("base64");
  const { width, height } = outputSize(p.size, null);
  await answer(ctx, "image_variation", { ...p, prompt: seed }, width, height, [], (s, coarse) =>
    generatePixels(s, width, height, false, coarse),
  );
}

/** The JSON form of an edit arrives on the multipart route: parse it here. */
async function jsonBody(ctx: Ctx): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of ctx.req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  if (ctx.log) {
    ctx.log.bodyBytes = raw.length;
    if (raw.length < 1024 * 1024) ctx.log.rawBody = raw.toString("utf8");
  }
  try {
    const json = raw.length ? JSON.parse(raw.toString("utf8")) : {};
    if (ctx.log && raw.length < 1024 * 1024) ctx.log.json = json;
    return json;
  } catch {
    throw new HttpError(400, "We could not parse the JSON body of your request.", null, null);
  }
}

function logParts(ctx: Ctx, fields: Record<string, string>, files: Parameters<typeof fromParts>[0]): void {
  if (!ctx.log) return;
  ctx.log.fields = fields;
  ctx.log.parts = files.map(
    (f): LoggedPart => ({
      field: f.field,
      filename: f.filename,
      contentType: f.contentType,
      bytes: f.bytes,
      base64: f.content && f.bytes <= LOG_PART_BYTES ? f.content.toString("base64") : null,
    }),
  );
}

type Kind = "image_generation" | "image_edit" | "image_variation";

async function answer(
  ctx: Ctx,
  kind: Kind,
  p: ImageParams,
  width: number,
  height: number,
  inputs: { width: number; height: number }[],
  pixels: (seed: string, coarse: number) => Pixels,
): Promise<void> {
  const rules = rulesFor(p.model);
  const gpt = rules.formats.length > 0;
  const b64Target = ctx.state.config.imageB64Bytes ?? 0;
  const padTo = Math.floor((b64Target * 3) / 4);
  // Image i of n: the prompt itself for the first, the prompt and its index for the others.
  const seed = (i: number) => (i === 0 ? p.prompt : `${p.prompt}#${i}`);
  const b64 = (i: number, coarse = 1) => encodePng(pixels(seed(i), coarse), padTo).toString("base64");
  const size = `${width}x${height}`;
  const quality = p.quality === "auto" ? "medium" : p.quality;
  const background = p.background === "transparent" ? "transparent" : "opaque";
  const meta = { size, quality, background, output_format: p.outputFormat };
  const headers = imageRateHeaders(ctx, p.n);
  const usage = imageUsage(p, width, height, inputs);
  const revised = kind === "image_variation" ? undefined : revisedPrompt(p.model, p.prompt);

  if (p.stream) {
    const type = kind === "image_edit" ? "image_edit" : "image_generation";
    const events: { event: string; data: unknown }[] = [];
    const created = ctx.state.now();
    for (let i = 0; i < p.n; i++) {
      for (let k = 0; k < p.partialImages; k++) {
        const partial = {
          type: `${type}.partial_image`,
          b64_json: b64(i, 2 ** (p.partialImages - k + 1)),
          created_at: created,
          partial_image_index: k,
          ...meta,
        };
        events.push({ event: partial.type, data: partial });
      }
      // One completed event per image; the first carries the input tokens, so their sum is the call's.
      const own: Usage =
        i === 0
          ? usage
          : {
              ...usage,
              input_tokens: 0,
              input_tokens_details: { text_tokens: 0, image_tokens: 0 },
              total_tokens: usage.output_tokens,
            };
      const done: CompletedEvent = {
        type: `${type}.completed`,
        b64_json: b64(i),
        created_at: created,
        usage: own,
        ...meta,
      } as CompletedEvent;
      events.push({ event: `${type}.completed`, data: done });
    }
    await streamEvents(ctx, events, false, headers);
    return;
  }

  const data = Array.from({ length: p.n }, (_, i) => {
    const image = b64(i);
    const out: { b64_json?: string; url?: string; revised_prompt?: string } =
      p.responseFormat === "url" ? { url: `data:image/png;base64,${image}` } : { b64_json: image };
    if (revised) out.revised_prompt = revised;
    return out;
  });
  const total: Usage = {
    ...usage,
    output_tokens: usage.output_tokens * p.n,
    total_tokens: usage.input_tokens + usage.output_tokens * p.n,
  };
  const response = {
    created: ctx.state.now(),
    data,
    ...(gpt ? { ...meta, usage: total } : {}),
  };
  sendJson(ctx, 200, response, headers);
}
