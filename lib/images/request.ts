import type { ImagesResponse } from "openai/resources/images";
import { apiFetch } from "@/lib/api-client";
import { apiStream, streamError } from "@/lib/api-stream";
import { ApiError } from "@/lib/errors";

/**
 * One upstream image request through the proxy (`/api/v1/images/*`): JSON or multipart, streamed or
 * not. Partial images and finished images are handed out as they arrive; the caller numbers them
 * into its result slots. Loaded on the first run, so the page's first load carries no SSE code.
 */

export type ImageEndpoint = "generations" | "edits" | "variations";

export interface ImageUsage {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  input_tokens_details?: { text_tokens?: number; image_tokens?: number };
}

export interface FinishedImage {
  /** Index among this request's images. */
  index: number;
  b64: string;
  format: string | undefined;
  revisedPrompt: string | null;
  /** This request's usage divided by its number of images. */
  usage: ImageUsage | null;
}

export interface ImageRequest {
  endpoint: ImageEndpoint;
  /** A JSON body, or multipart (edits and variations with uploaded images). */
  body: Record<string, unknown> | FormData;
  stream: boolean;
  signal: AbortSignal;
  onPartial?(b64: string, format: string | undefined, partialIndex: number): void;
  onImage(image: FinishedImage): void;
}

/**
 * Stream events of both endpoints (`image_generation.*`, `image_edit.*`); fields the SDK names. A
 * completed event carries usage but no revised prompt: only a response that does not stream has one.
 */
interface ImageStreamEvent {
  type?: string;
  b64_json?: string;
  output_format?: string;
  partial_image_index?: number;
  usage?: ImageUsage;
}

export async function sendImageRequest(req: ImageRequest): Promise<void> {
  const path = `/api/v1/images/${req.endpoint}`;
  if (!req.stream) {
    const res = await apiFetch<ImagesResponse & { usage?: ImageUsage }>(path, {
      body: req.body,
      signal: req.signal,
    });
    const data = res?.data ?? [];
    const usage = splitUsage(res?.usage ?? null, data.length);
    data.forEach((d, index) => {
      if (!d.b64_json) return;
      req.onImage({
        index,
        b64: d.b64_json,
        format: res.output_format,
        revisedPrompt: d.revised_prompt ?? null,
        usage,
      });
    });
    if (!data.some((d) => d.b64_json))
      throw new ApiError({
        type: "upstream_error",
        status: 502,
        message: "The upstream answered without image data (only URLs, which Benchtop cannot keep).",
      });
    return;
  }
  const { events } = await apiStream<ImageStreamEvent>(path, { body: req.body, signal: req.signal });
  let finished = 0;
  for await (const ev of events) {
    const err = streamError(ev.json, ev.event);
    if (err) throw err;
    const e = ev.json;
    const type = e?.type ?? ev.event ?? "";
    if (!e?.b64_json) continue;
    if (type.endsWith(".partial_image"))
      req.onPartial?.(e.b64_json, e.output_format, e.partial_image_index ?? 0);
    else if (type.endsWith(".completed")) {
      req.onImage({
        index: finished++,
        b64: e.b64_json,
        format: e.output_format,
        revisedPrompt: null,
        usage: e.usage ?? null,
      });
    }
  }
  if (finished === 0 && !req.signal.aborted)
    throw new ApiError({
      type: "server_error",
      status: 0,
      code: "stream_interrupted",
      message: "The stream ended before the image arrived.",
    });
}

/** A usage shared by `count` images, each image's share (rounded). */
export function splitUsage(u: ImageUsage | null, count: number): ImageUsage | null {
  if (!u || count <= 1) return u;
  const share = (v: number | undefined) => (v === undefined ? undefined : Math.round(v / count));
  return {
    input_tokens: share(u.input_tokens),
    output_tokens: share(u.output_tokens),
    total_tokens: share(u.total_tokens),
    ...(u.input_tokens_details
      ? {
          input_tokens_details: {
            text_tokens: share(u.input_tokens_details.text_tokens),
            image_tokens: share(u.input_tokens_details.image_tokens),
          },
        }
      : {}),
  };
}
