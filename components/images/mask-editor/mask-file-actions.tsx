"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { addOp, alphaMaskOp, importMaskPng, type MaskDoc, maskPng } from "@/lib/images/mask";

export interface MaskFileActionsProps {
  image: ImageBitmap;
  mask: MaskDoc;
  onChange(mask: MaskDoc): void;
  onError(message: string | null): void;
}

/** The image's pixels, read once when asked (a full read of a 4K image takes tens of ms). */
function imagePixels(image: ImageBitmap): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot read the image's pixels.");
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

/** Import and export of a mask PNG, and the image's own transparency as the mask. */
export function MaskFileActions({ image, mask, onChange, onError }: MaskFileActionsProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    onError(null);
    try {
      await work();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const importFile = (file: File) =>
    run(async () => onChange(addOp(mask, await importMaskPng(file, image.width, image.height))));

  const exportFile = () =>
    run(async () => {
      const url = URL.createObjectURL(await maskPng(mask));
      const a = document.createElement("a");
      a.href = url;
      a.download = `mask-${image.width}x${image.height}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  const fromTransparency = () =>
    run(async () => {
      const op = alphaMaskOp(imagePixels(image));
      if (!op) throw new Error("The image has no fully transparent pixels to use as the mask.");
      onChange(addOp(mask, op));
    });

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/png"
        className="hidden"
        data-testid="mask-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void importFile(file);
        }}
      />
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        onClick={() => input.current?.click()}
        data-testid="mask-import"
      >
        Import mask
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy || mask.ops.length === 0}
        onClick={exportFile}
        data-testid="mask-export"
      >
        Export mask
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        onClick={fromTransparency}
        title="The image's fully transparent pixels become the edit area"
        data-testid="mask-use-alpha"
      >
        Use image transparency
      </Button>
    </>
  );
}
