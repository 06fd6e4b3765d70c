"use client";

import { create } from "zustand";
import { apiRequest } from "@/lib/api-client";
import { newId } from "@/lib/ids";
import type { DraftInput } from "@/lib/images/draft";
import { getImageBlob, saveImage } from "@/lib/images/library-client";
import { type DecodedImage, normaliseImage } from "@/lib/images/pixels";
import type { ImageOperation } from "@/lib/images/schema";
import { useImageStudio } from "./store";

/**
 * The edit's input images in memory: decoded (orientation applied, PNG), with an object URL to show
 * and the id they are known by. An upload is saved to the library as role "input" so it has an id
 * for lineage and the draft; one that could not be saved still works in this tab but is not in the
 * draft, and says so. The draft (ids only) is written from here.
 */

export interface LoadedInput {
  key: string;
  /** `local`: only in this tab (saving to the library failed or is under way). */
  source: "library" | "file" | "local";
  id: string | null;
  name: string;
  status: "loading" | "ready" | "error";
  error: string | null;
  /** Why it is not in the library (and so not kept across reloads). */
  saveError: string | null;
  image: (DecodedImage & { url: string }) | null;
}

interface InputsState {
  items: LoadedInput[];
  /** Adds pasted, dropped or picked files (already checked against the model's rule). */
  addFiles(files: Blob[], names: string[]): Promise<void>;
  addStored(source: "library" | "file", id: string, name: string): Promise<void>;
  /** Puts an image first (an outpainted canvas, a result to edit). */
  replaceFirst(blob: Blob, name: string, storedId?: string | null, operation?: ImageOperation): Promise<void>;
  remove(key: string): void;
  move(key: string, to: number): void;
  clear(): void;
  /** Loads what the draft names that is not loaded yet (after a reload, or `?edit=`). */
  restore(inputs: DraftInput[]): void;
}

function syncDraft(items: LoadedInput[]): void {
  const inputs = items.flatMap((i): DraftInput[] =>
    i.id && i.source !== "local" ? [{ source: i.source, id: i.id, name: i.name }] : [],
  );
  const cur = useImageStudio.getState().inputs;
  if (JSON.stringify(cur) !== JSON.stringify(inputs)) useImageStudio.getState().setInputs(inputs);
}

async function bytesOf(source: "library" | "file", id: string): Promise<Blob> {
  if (source === "library") return getImageBlob(id);
  return (await apiRequest(`/api/v1/files/${encodeURIComponent(id)}/content`, { accept: "*/*" })).blob();
}

function release(i: LoadedInput): void {
  if (i.image) {
    URL.revokeObjectURL(i.image.url);
    i.image.bitmap.close();
  }
}

export const useEditInputs = create<InputsState>()((set, get) => {
  const patch = (key: string, p: Partial<LoadedInput>) => {
    set((s) => ({ items: s.items.map((i) => (i.key === key ? { ...i, ...p } : i)) }));
    syncDraft(get().items);
  };
  const decode = async (key: string, blob: Blob) => {
    try {
      const image = await normaliseImage(blob);
      patch(key, { status: "ready", image: { ...image, url: URL.createObjectURL(image.blob) } });
      return image;
    } catch (e) {
      patch(key, { status: "error", error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  const saveUpload = async (
    key: string,
    image: DecodedImage,
    name: string,
    operation: ImageOperation = "upload",
  ) => {
    try {
      const stored = await saveImage({
        image: image.blob,
        meta: { role: "input", operation, name },
      });
      patch(key, { source: "library", id: stored.id, saveError: null });
    } catch (e) {
      patch(key, {
        saveError: `Not saved to the library (${e instanceof Error ? e.message : String(e)}); it is used, but not kept after a reload.`,
      });
    }
  };
  const local = (name: string): LoadedInput => ({
    key: newId("in"),
    source: "local",
    id: null,
    name,
    status: "loading",
    error: null,
    saveError: null,
    image: null,
  });
  return {
    items: [],
    addFiles: async (files, names) => {
      const added = files.map((_, i) => local(names[i] ?? "image.png"));
      set((s) => ({ items: [...s.items, ...added] }));
      await Promise.all(
        added.map(async (item, i) => {
          const image = await decode(item.key, files[i] as Blob);
          if (image) await saveUpload(item.key, image, item.name);
        }),
      );
    },
    addStored: async (source, id, name) => {
      if (get().items.some((i) => i.id === id)) return;
      const item: LoadedInput = { ...local(name), source, id };
      set((s) => ({ items: [...s.items, item] }));
      syncDraft(get().items);
      try {
        await decode(item.key, await bytesOf(source, id));
      } catch (e) {
        patch(item.key, {
          status: "error",
          error: `Could not load ${name}: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    },
    replaceFirst: async (blob, name, storedId, operation) => {
      const item: LoadedInput = storedId ? { ...local(name), source: "library", id: storedId } : local(name);
      const [first, ...rest] = get().items;
      if (first) release(first);
      set({ items: [item, ...rest] });
      syncDraft(get().items);
      const image = await decode(item.key, blob);
      if (image && !storedId) await saveUpload(item.key, image, name, operation);
    },
    remove: (key) => {
      const gone = get().items.find((i) => i.key === key);
      if (gone) release(gone);
      set((s) => ({ items: s.items.filter((i) => i.key !== key) }));
      syncDraft(get().items);
    },
    move: (key, to) => {
      const items = [...get().items];
      const from = items.findIndex((i) => i.key === key);
      if (from < 0 || to < 0 || to >= items.length) return;
      const [it] = items.splice(from, 1);
      if (it) items.splice(to, 0, it);
      set({ items });
      syncDraft(items);
    },
    clear: () => {
      for (const i of get().items) release(i);
      set({ items: [] });
      syncDraft([]);
    },
    restore: (inputs) => {
      for (const d of inputs)
        if (!get().items.some((i) => i.id === d.id)) void get().addStored(d.source, d.id, d.name);
    },
  };
});
