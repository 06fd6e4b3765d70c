"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";
import { emptyMask, maskIsEmpty } from "@/lib/images/mask";
import type { ImageSpec } from "@/lib/models/schema";
import { useEditInputs } from "./inputs-store";
import { useImageStudio } from "./store";

const MaskEditor = lazyComponent(() => import("./mask-editor/mask-editor").then((m) => m.MaskEditor));
const OutpaintDialog = lazyComponent(() => import("./outpaint-dialog").then((m) => m.OutpaintDialog));

export interface MaskPanelProps {
  spec: ImageSpec;
  /** Whether to send the drawing as a markup overlay instead of a mask (models with `markup`). */
  asMarkup: boolean;
  onAsMarkup(v: boolean): void;
}

/**
 * The edit area on the first image: drawn in the mask editor, or the image's own transparency; what
 * happens outside it (kept pixel for pixel by compositing, on by default where the model's mask is
 * only guidance); outpainting onto a larger canvas.
 */
export function MaskPanel({ spec, asMarkup, onAsMarkup }: MaskPanelProps) {
  const first = useEditInputs((s) => s.items[0]);
  const replaceFirst = useEditInputs((s) => s.replaceFirst);
  const { mask, setMask, maskSource, keepOutside, feather, set } = useImageStudio();
  const [outpaint, setOutpaint] = useState(false);
  const image = first?.status === "ready" ? first.image : null;
  const keep = keepOutside ?? spec.mask === "guided";

  // The mask belongs to the first image: another size means another image, so start a new mask.
  useEffect(() => {
    if (image && (!mask || mask.width !== image.width || mask.height !== image.height))
      setMask(emptyMask(image.width, image.height));
  }, [image, mask, setMask]);

  if (!image) return null;
  const drawn = maskSource === "drawn";
  return (
    <section aria-label="Edit area" className="flex flex-col gap-3" data-testid="mask-panel">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="mask-source"
            checked={drawn}
            onChange={() => set({ maskSource: "drawn" })}
          />
          Draw the edit area
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="mask-source"
            checked={!drawn}
            data-testid="mask-transparency"
            onChange={() => set({ maskSource: "transparency" })}
          />
          Use the image&apos;s own transparency
        </label>
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          onClick={() => setOutpaint(true)}
          data-testid="outpaint"
        >
          Outpaint…
        </Button>
      </div>
      {drawn && mask && mask.width === image.width && mask.height === image.height && (
        <MaskEditor image={image.bitmap} mask={mask} onChange={setMask} className="min-h-64" />
      )}
      {!drawn && (
        <p className="text-[12px] text-muted">
          Fully transparent pixels of the first image are the edit area; everything else is kept.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {spec.markup && drawn && (
          <label
            className="flex items-center gap-2"
            title="The drawing guides the edit as arrows or circles would; it is not a mask."
          >
            <input
              type="checkbox"
              checked={asMarkup}
              onChange={(e) => onAsMarkup(e.target.checked)}
              data-testid="as-markup"
            />
            Send the drawing as markup
          </label>
        )}
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={keep && !asMarkup}
            disabled={asMarkup}
            data-testid="keep-outside"
            onChange={(e) => set({ keepOutside: e.target.checked })}
          />
          Keep outside the mask
        </label>
        {keep && !asMarkup && (
          <label className="flex items-center gap-2">
            Feather
            <input
              type="number"
              min={0}
              max={64}
              value={feather}
              className="input h-7 w-16"
              data-testid="feather"
              onChange={(e) => set({ feather: Math.min(64, Math.max(0, Number(e.target.value) || 0)) })}
            />
            px
          </label>
        )}
      </div>
      <p className="text-[11px] text-muted">
        {spec.mask === "guided"
          ? "This model treats the mask as guidance and may change pixels outside it; keeping the outside puts the original's pixels back there after the result arrives."
          : spec.mask === "exact"
            ? "This model edits only inside the mask."
            : "This model takes no mask; the prompt alone guides the edit."}
        {drawn && mask && maskIsEmpty(mask) ? " Nothing is drawn yet: the whole image may change." : ""}
      </p>
      {outpaint && (
        <OutpaintDialog
          open={outpaint}
          onOpenChange={setOutpaint}
          image={image.bitmap}
          onDone={(r) => {
            setOutpaint(false);
            set({ maskSource: "drawn" });
            void replaceFirst(r.image, `outpaint-${r.width}x${r.height}.png`, null, "outpaint").then(() =>
              setMask(r.mask),
            );
          }}
        />
      )}
    </section>
  );
}
