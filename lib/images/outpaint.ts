/**
 * Outpainting geometry: the image placed on a larger canvas; the empty area around it becomes the
 * edit area. Pure, so the dialog and the tests share it; the pixels are drawn by the dialog.
 */
import { emptyMask, type MaskDoc } from "./mask";

export interface OutpaintLayout {
  /** The new canvas. */
  width: number;
  height: number;
  /** Where the image's top-left corner sits on it. */
  x: number;
  y: number;
}

export const OUTPAINT_PRESETS = [
  { id: "1.5x", label: "1.5×" },
  { id: "2x", label: "2×" },
  { id: "16:9", label: "16:9" },
  { id: "9:16", label: "9:16" },
  { id: "1:1", label: "1:1" },
  { id: "4:3", label: "4:3" },
  { id: "3:4", label: "3:4" },
] as const;

export type OutpaintPreset = (typeof OUTPAINT_PRESETS)[number]["id"];

/** Image models take sides in multiples of 16; canvases round up to one. */
const up16 = (n: number) => Math.ceil(n / 16) * 16;

/**
 * The canvas of a preset: a scale of the image, or the smallest canvas of that aspect ratio that
 * holds it with a margin on the long side of the ratio.
 */
export function presetSize(preset: OutpaintPreset, w: number, h: number): { width: number; height: number } {
  if (preset === "1.5x" || preset === "2x") {
    const k = preset === "2x" ? 2 : 1.5;
    return { width: up16(w * k), height: up16(h * k) };
  }
  const [a, b] = preset.split(":").map(Number) as [number, number];
  const ratio = a / b;
  // Already that shape (within a pixel): grow both sides by a quarter, so there is area to fill.
  if (Math.abs(w / h - ratio) * h < 1) return { width: up16(w * 1.25), height: up16(h * 1.25) };
  return w / h < ratio
    ? { width: up16(h * ratio), height: up16(h) }
    : { width: up16(w), height: up16(w / ratio) };
}

export const ANCHORS = [
  "top-left",
  "top",
  "top-right",
  "left",
  "center",
  "right",
  "bottom-left",
  "bottom",
  "bottom-right",
] as const;
export type Anchor = (typeof ANCHORS)[number];

/** The image's position for one of nine anchors (centre by default). */
export function anchorLayout(
  anchor: Anchor,
  width: number,
  height: number,
  w: number,
  h: number,
): OutpaintLayout {
  const fx = anchor.endsWith("left") ? 0 : anchor.endsWith("right") ? 1 : 0.5;
  const fy = anchor.startsWith("top") ? 0 : anchor.startsWith("bottom") ? 1 : 0.5;
  return { width, height, x: Math.round((width - w) * fx), y: Math.round((height - h) * fy) };
}

/** Keeps the image wholly on the canvas, at whole pixels (a drag may go past the edges). */
export function clampLayout(layout: OutpaintLayout, w: number, h: number): OutpaintLayout {
  const clamp = (v: number, max: number) => Math.min(Math.max(0, max), Math.max(0, Math.round(v)));
  return { ...layout, x: clamp(layout.x, layout.width - w), y: clamp(layout.y, layout.height - h) };
}

/** Why a canvas cannot hold the image, or null. */
export function layoutProblem(
  width: number,
  height: number,
  w: number,
  h: number,
  maxSide = 16384,
): string | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return "Width and height must be whole numbers of pixels.";
  }
  if (width < w || height < h) return `The canvas must be at least the image's size, ${w}×${h}.`;
  if (width === w && height === h)
    return "The canvas must be larger than the image, or there is nothing to fill.";
  if (Math.max(width, height) > maxSide) return `Sides can be at most ${maxSide} pixels.`;
  return null;
}

/** The edit area: everything on the canvas except where the image sits. */
export function outpaintMask(layout: OutpaintLayout, w: number, h: number): MaskDoc {
  const doc = emptyMask(layout.width, layout.height);
  return {
    ...doc,
    ops: [{ kind: "fill" }, { kind: "rect", erase: true, x: layout.x, y: layout.y, w, h }],
  };
}
