"use client";

import { newId } from "@/lib/ids";
import type { ImageDetail, ImageInput } from "@/lib/playground/types";

/** The documented limits for image inputs: PNG, JPEG, WEBP or non-animated GIF, ≤ 20 MB each. */
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export function checkImageFile(file: File): string | null {
  if (!IMAGE_TYPES.includes(file.type))
    return `${file.name}: ${file.type || "this type"} is not supported; use PNG, JPEG, WEBP or GIF.`;
  if (file.size > MAX_IMAGE_BYTES)
    return `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; images must be 20 MB or less.`;
  return null;
}

export function readImage(file: File): Promise<ImageInput> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve({ id: newId("img"), url: String(r.result), detail: "auto", name: file.name });
    r.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    r.readAsDataURL(file);
  });
}

export function checkImageUrl(url: string): string | null {
  if (/^data:image\/(png|jpeg|webp|gif);base64,/.test(url)) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== "https:" && u.protocol !== "http:") return "Use an http(s) URL or paste the image.";
    return null;
  } catch {
    return "That is not a URL.";
  }
}

export interface ImageListProps {
  images: ImageInput[];
  onChange(images: ImageInput[]): void;
}

export function ImageList({ images, onChange }: ImageListProps) {
  if (!images.length) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Images">
      {images.map((img) => (
        <li
          key={img.id}
          className="flex items-center gap-2 rounded-md border border-border bg-surface-2 p-1 pr-2"
        >
          {/* biome-ignore lint/performance/noImgElement: user-provided data and remote URLs, not optimisable assets */}
          <img src={img.url} alt={img.name ?? "Image input"} className="size-10 rounded object-cover" />
          <div className="flex flex-col gap-0.5">
            <span className="max-w-40 truncate text-[11px] text-muted">
              {img.name ?? img.url.slice(0, 40)}
            </span>
            <select
              aria-label="Image detail"
              className="input h-6 px-1 text-[11px]"
              value={img.detail}
              onChange={(e) =>
                onChange(
                  images.map((i) => (i.id === img.id ? { ...i, detail: e.target.value as ImageDetail } : i)),
                )
              }
            >
              <option value="auto">detail: auto</option>
              <option value="low">detail: low</option>
              <option value="high">detail: high</option>
            </select>
          </div>
          <button
            type="button"
            className="text-muted hover:text-fg"
            aria-label={`Remove ${img.name ?? "image"}`}
            onClick={() => onChange(images.filter((i) => i.id !== img.id))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
