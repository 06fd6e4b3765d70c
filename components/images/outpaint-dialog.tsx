"use client";
import type { MaskDoc } from "@/lib/images/mask";

/** CONTRACT STUB (issue 12): the `mask` part builds outpainting behind this signature. */
export interface OutpaintResult {
  /** The image placed on the larger canvas, transparent around it (PNG). */
  image: Blob;
  width: number;
  height: number;
  /** The empty area as the edit area. */
  mask: MaskDoc;
}

export interface OutpaintDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  image: ImageBitmap;
  /** Sizes the model accepts are checked by the caller; the dialog offers any WxH and common presets. */
  onDone(result: OutpaintResult): void;
}

export function OutpaintDialog(_props: OutpaintDialogProps) {
  return null;
}
