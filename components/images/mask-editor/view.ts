/** Zoom and pan of the mask editor: screen = image * z + (x, y), in CSS pixels of the viewport. */
export interface View {
  x: number;
  y: number;
  z: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 32;

/** The whole image centred in the viewport, never enlarged past 1:1. */
export function fitView(imageW: number, imageH: number, viewW: number, viewH: number, pad = 8): View {
  const z = Math.min(1, (viewW - 2 * pad) / imageW, (viewH - 2 * pad) / imageH);
  const zoom = Math.max(MIN_ZOOM, z);
  return { x: (viewW - imageW * zoom) / 2, y: (viewH - imageH * zoom) / 2, z: zoom };
}

/** Zooms by `factor` keeping the image point under (sx, sy) where it is on screen. */
export function zoomAt(view: View, factor: number, sx: number, sy: number): View {
  const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.z * factor));
  const k = z / view.z;
  return { x: sx - (sx - view.x) * k, y: sy - (sy - view.y) * k, z };
}

export function toImage(view: View, sx: number, sy: number): [number, number] {
  return [(sx - view.x) / view.z, (sy - view.y) / view.z];
}

/** Brush sizes step by about 15% (at least 1 px) so `[` and `]` feel the same at 4 px and 400 px. */
export function stepSize(size: number, up: boolean, max: number): number {
  const step = Math.max(1, Math.round(size * 0.15));
  return Math.min(max, Math.max(1, up ? size + step : size - step));
}

/** The starting brush: about a fortieth of the image's shorter side. */
export function defaultBrush(imageW: number, imageH: number): number {
  return Math.max(4, Math.round(Math.min(imageW, imageH) / 40));
}
