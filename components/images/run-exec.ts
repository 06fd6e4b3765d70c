"use client";

import { apiUpload } from "@/lib/api-upload";
import { ApiError } from "@/lib/errors";
import { imageCost } from "@/lib/images/cost";
import { saveImage } from "@/lib/images/library-client";
import { compositeOutside, maskBits, maskIsEmpty, maskPng } from "@/lib/images/mask";
import { blobOfBase64, markupRgba, mimeOf, pngOfRgba, rgbaOf, transparencyBits } from "@/lib/images/pixels";
import { type FinishedImage, sendImageRequest } from "@/lib/images/request";
import { checkMask } from "@/lib/images/rules";
import type { ImageOperation } from "@/lib/images/schema";
import type { ImageRun, ResultSlot } from "./run-job";
import type { ImageJob } from "./run-store";

/**
 * A run's work, loaded with the first run: the mask (drawn, or the first image's transparency) as
 * the API's PNG, the requests in parallel, each image saved to the library as it arrives, and the
 * original put back outside the edit area when asked.
 */

/** How the run reports back to its store. */
export interface RunSink {
  current(): ImageRun | null;
  patchSlot(runId: string, index: number, patch: Partial<ResultSlot>): void;
  patchRun(runId: string, patch: Partial<ImageRun>): void;
}

const OPERATION: Record<ImageJob["mode"], ImageOperation> = {
  generate: "generate",
  edit: "edit",
  variations: "variation",
};

interface EditArea {
  /** 1 where the image may change; null without an edit area. */
  bits: Uint8Array | null;
  png: Blob | null;
}

async function editArea(job: ImageJob): Promise<EditArea> {
  const first = job.inputs[0]?.image;
  if (job.mode !== "edit" || !first) return { bits: null, png: null };
  if (job.maskSource === "transparency") {
    const { data } = await rgbaOf(first.bitmap);
    const bits = transparencyBits(data);
    if (!bits.includes(1))
      throw new ApiError({
        type: "invalid_request_error",
        message: "The first image has no fully transparent pixels to use as the edit area.",
      });
    const rgba = new Uint8ClampedArray(bits.length * 4);
    for (let i = 0; i < bits.length; i++) rgba[i * 4 + 3] = bits[i] ? 0 : 255;
    return { bits, png: await pngOfRgba(rgba, first.width, first.height) };
  }
  if (!job.mask || maskIsEmpty(job.mask)) return { bits: null, png: null };
  const bits = maskBits(job.mask);
  if (job.asMarkup) return { bits, png: await pngOfRgba(markupRgba(bits), first.width, first.height) };
  return { bits, png: await maskPng(job.mask) };
}

async function uploadToFiles(blob: Blob, name: string, signal: AbortSignal): Promise<string> {
  const form = new FormData();
  form.set("purpose", "vision");
  form.set("file", blob, name);
  const f = await apiUpload<{ id: string }>("/api/v1/files", { body: form, signal });
  return f.id;
}

async function body(
  job: ImageJob,
  run: ImageRun,
  n: number,
  area: EditArea,
  fileIds: { mask: string | null } | null,
): Promise<Record<string, unknown> | FormData> {
  const params = { ...run.params, ...(n > 1 ? { n } : {}) };
  if (n <= 1) delete params.n;
  const areaField = job.asMarkup ? "markup" : "mask";
  if (job.mode === "generate") return { model: run.model, prompt: run.prompt, ...params };
  if (fileIds) {
    return {
      model: run.model,
      prompt: run.prompt,
      ...params,
      images: job.inputs.map((i) => ({ file_id: i.id })),
      ...(fileIds.mask ? { [areaField]: { file_id: fileIds.mask } } : {}),
    };
  }
  const form = new FormData();
  form.set("model", run.model);
  if (job.mode === "edit") form.set("prompt", run.prompt);
  for (const [k, v] of Object.entries(params)) form.set(k, String(v));
  const field = job.inputs.length > 1 ? "image[]" : "image";
  for (const i of job.inputs)
    if (i.image) form.append(field, i.image.blob, `${i.name.replace(/\.[a-z0-9]+$/i, "")}.png`);
  if (area.png) form.set(areaField, area.png, `${areaField}.png`);
  return form;
}

export async function executeRun(
  job: ImageJob,
  run: ImageRun,
  split: number[],
  signal: AbortSignal,
  store: RunSink,
): Promise<void> {
  const area = await editArea(job);
  const first = job.inputs[0]?.image;
  if (area.png && first && !job.asMarkup) {
    const e = checkMask({ width: first.width, height: first.height, bytes: area.png.size }, first);
    if (e) throw new ApiError({ type: "invalid_request_error", message: e, param: "mask" });
  }
  const parentIds = job.inputs.flatMap((i) => (i.id && i.source === "library" ? [i.id] : []));
  let maskId: string | null = null;
  if (area.png && !job.asMarkup) {
    try {
      maskId = (
        await saveImage({
          image: area.png,
          meta: { role: "mask", operation: "edit", parentIds: parentIds.slice(0, 1) },
        })
      ).id;
      store.patchRun(run.id, { maskId });
    } catch (e) {
      store.patchRun(run.id, {
        notices: [`The mask was not saved to the library: ${e instanceof Error ? e.message : String(e)}`],
      });
    }
  }
  const allFiles = job.mode === "edit" && job.inputs.every((i) => i.source === "file" && i.id);
  const fileIds = allFiles
    ? { mask: area.png ? await uploadToFiles(area.png, "mask.png", signal) : null }
    : null;
  const keep =
    job.mode === "edit" && job.keepOutside && !job.asMarkup && area.bits !== null && first !== undefined;

  const finish = async (slot: number, img: FinishedImage) => {
    const blob = blobOfBase64(img.b64, img.format);
    const url = URL.createObjectURL(blob);
    const old = store.current()?.slots[slot]?.url;
    const costUsd = imageCost(job.model, img.usage);
    const size = await createImageBitmap(blob).then(
      (b) => {
        const s = { width: b.width, height: b.height };
        b.close();
        return s;
      },
      () => ({ width: null, height: null }),
    );
    store.patchSlot(run.id, slot, {
      status: "done",
      url,
      blob,
      format: img.format ?? "png",
      ...size,
      revisedPrompt: img.revisedPrompt,
      usage: img.usage,
      costUsd,
      saving: true,
    });
    if (old?.startsWith("blob:")) URL.revokeObjectURL(old);
    let storedId: string | null = null;
    try {
      const stored = await saveImage({
        image: blob,
        meta: {
          role: "result",
          operation: OPERATION[job.mode],
          prompt: run.prompt || null,
          revisedPrompt: img.revisedPrompt,
          model: run.model,
          params: run.params,
          parentIds,
          maskId,
          usage: img.usage ? { ...img.usage } : null,
          costUsd,
        },
      });
      storedId = stored.id;
      store.patchSlot(run.id, slot, { stored, saving: false });
    } catch (e) {
      store.patchSlot(run.id, slot, { saving: false, saveError: e instanceof Error ? e.message : String(e) });
    }
    if (keep && first && area.bits) await composite(slot, blob, storedId);
  };

  const composite = async (slot: number, blob: Blob, resultId: string | null) => {
    if (!first || !area.bits) return;
    try {
      const [orig, res] = await Promise.all([rgbaOf(first.bitmap), rgbaOf(blob)]);
      if (res.width !== orig.width || res.height !== orig.height) {
        store.patchSlot(run.id, slot, {
          compositeError: `The result is ${res.width}x${res.height}, the original ${orig.width}x${orig.height}: the outside can only be kept at the original's size (leave Size on auto).`,
        });
        return;
      }
      const out = compositeOutside(orig.data, res.data, area.bits, res.width, res.height, job.feather);
      const png = await pngOfRgba(out, res.width, res.height);
      const url = URL.createObjectURL(png);
      store.patchSlot(run.id, slot, { composite: { url, blob: png, stored: null, saveError: null } });
      try {
        const stored = await saveImage({
          image: png,
          meta: {
            role: "result",
            operation: "composite",
            prompt: run.prompt,
            model: run.model,
            params: { ...run.params, feather: job.feather },
            parentIds: [...parentIds.slice(0, 1), ...(resultId ? [resultId] : [])],
            maskId,
          },
        });
        store.patchSlot(run.id, slot, { composite: { url, blob: png, stored, saveError: null } });
      } catch (e) {
        store.patchSlot(run.id, slot, {
          composite: { url, blob: png, stored: null, saveError: e instanceof Error ? e.message : String(e) },
        });
      }
    } catch (e) {
      store.patchSlot(run.id, slot, {
        compositeError: `Could not keep the outside: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  let offset = 0;
  const requests = split.map(async (n) => {
    const base = offset;
    offset += n;
    const pending: Promise<void>[] = [];
    try {
      await sendImageRequest({
        endpoint: run.endpoint,
        body: await body(job, run, n, area, fileIds),
        stream: run.streaming,
        signal,
        onPartial: (b64, format) => {
          const slot = store.current()?.slots[base];
          if (!slot || slot.status === "done") return;
          // A data URL: partials replace each other within moments, and a revoked blob URL the
          // page has not finished reading is a request that never ends.
          const url = `data:${mimeOf(format)};base64,${b64}`;
          store.patchSlot(run.id, base, { status: "partial", url, partials: slot.partials + 1 });
        },
        onImage: (img) => {
          if (img.index < n) pending.push(finish(base + img.index, img));
        },
      });
    } catch (e) {
      if (signal.aborted) return;
      const err = e instanceof ApiError ? e : new ApiError({ type: "server_error", message: String(e) });
      for (let i = base; i < base + n; i++) store.patchSlot(run.id, i, { status: "error", error: err });
      const cur = store.current();
      if (cur?.id === run.id && !cur.error) store.patchRun(run.id, { error: err });
    }
    await Promise.all(pending);
  });
  await Promise.all(requests);
}
