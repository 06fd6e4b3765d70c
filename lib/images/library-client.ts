import type { ImageListPage, SaveImageMeta, StoredImage } from "./schema";

/**
 * CONTRACT STUB (issue 12): the image library's browser client. The `library` part replaces the
 * bodies; the studio calls these signatures.
 */
export interface SaveImageInput {
  image: Blob;
  /** A small preview (longest side 256 px); made from `image` when omitted. */
  thumbnail?: Blob;
  meta: SaveImageMeta;
}

export async function saveImage(_input: SaveImageInput): Promise<StoredImage> {
  throw new Error("not built yet");
}

export async function getImage(_id: string, _signal?: AbortSignal): Promise<StoredImage> {
  throw new Error("not built yet");
}

/** The image's bytes as a Blob (for an edit's inputs, a composite, a download). */
export async function getImageBlob(_id: string, _signal?: AbortSignal): Promise<Blob> {
  throw new Error("not built yet");
}

export async function listImages(_filters: URLSearchParams, _signal?: AbortSignal): Promise<ImageListPage> {
  throw new Error("not built yet");
}
