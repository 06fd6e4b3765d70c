"use client";
import type { MaskDoc } from "@/lib/images/mask";

/** CONTRACT STUB (issue 12): the `mask` part builds the editor behind this signature. */
export interface MaskEditorProps {
  /** The first input image, already oriented (EXIF applied), at its natural size. */
  image: ImageBitmap;
  mask: MaskDoc;
  onChange(mask: MaskDoc): void;
  className?: string;
}

export function MaskEditor(_props: MaskEditorProps) {
  return <div data-testid="mask-editor" />;
}
