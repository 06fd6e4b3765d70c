"use client";
import { type PointerEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { MaskDoc } from "@/lib/images/mask";
import {
  ANCHORS,
  type Anchor,
  anchorLayout,
  clampLayout,
  layoutProblem,
  OUTPAINT_PRESETS,
  type OutpaintLayout,
  type OutpaintPreset,
  outpaintMask,
  presetSize,
} from "@/lib/images/outpaint";

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

/** The preview's box: the dialog's width less its padding (a phone's is narrower), and a height. */
const previewWidth = () => Math.min(440, (typeof window === "undefined" ? 440 : window.innerWidth) - 96);
const PREVIEW_H = 260;

async function placeImage(image: ImageBitmap, layout: OutpaintLayout): Promise<Blob> {
  const canvas = new OffscreenCanvas(layout.width, layout.height);
  canvas.getContext("2d")?.drawImage(image, layout.x, layout.y);
  return canvas.convertToBlob({ type: "image/png" });
}

/** Places the image on a larger canvas (a preset or any WxH, dragged or anchored); the rest is the mask. */
export function OutpaintDialog({ open, onOpenChange, image, onDone }: OutpaintDialogProps) {
  if (!open) return null;
  return <OutpaintForm image={image} onClose={() => onOpenChange(false)} onDone={onDone} />;
}

function OutpaintForm({
  image,
  onClose,
  onDone,
}: {
  image: ImageBitmap;
  onClose(): void;
  onDone: OutpaintDialogProps["onDone"];
}) {
  const w = image.width;
  const h = image.height;
  const [preset, setPreset] = useState<OutpaintPreset | "custom">("1.5x");
  const [layout, setLayout] = useState<OutpaintLayout>(() => {
    const s = presetSize("1.5x", w, h);
    return anchorLayout("center", s.width, s.height, w, h);
  });
  const [custom, setCustom] = useState({ width: String(layout.width), height: String(layout.height) });
  const [pending, setPending] = useState(false);
  const thumb = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ id: number; sx: number; sy: number; x: number; y: number } | null>(null);
  const ids = useId();

  const problem = layoutProblem(layout.width, layout.height, w, h);
  const scale = Math.min(previewWidth() / layout.width, PREVIEW_H / layout.height);

  const canPreview =
    layout.width >= w && layout.height >= h && Math.max(layout.width, layout.height) <= 16384;

  // A new scale resizes the thumbnail's canvas, which clears it: draw again.
  useEffect(() => {
    const ctx = canPreview ? thumb.current?.getContext("2d") : null;
    ctx?.drawImage(image, 0, 0, Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
  }, [image, canPreview, scale, w, h]);

  const resize = (width: number, height: number) => {
    // A new canvas keeps the image centred; a drag or an anchor moves it from there.
    setLayout(anchorLayout("center", width, height, w, h));
  };
  const choose = (p: OutpaintPreset) => {
    setPreset(p);
    const s = presetSize(p, w, h);
    setCustom({ width: String(s.width), height: String(s.height) });
    resize(s.width, s.height);
  };
  const typed = (field: "width" | "height", value: string) => {
    const next = { ...custom, [field]: value };
    setCustom(next);
    setPreset("custom");
    resize(Number(next.width), Number(next.height));
  };
  const move = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    setLayout((l) =>
      clampLayout({ ...l, x: d.x + (e.clientX - d.sx) / scale, y: d.y + (e.clientY - d.sy) / scale }, w, h),
    );
  };
  const finish = async () => {
    if (problem) return;
    setPending(true);
    try {
      onDone({
        image: await placeImage(image, layout),
        width: layout.width,
        height: layout.height,
        mask: outpaintMask(layout, w, h),
      });
      onClose();
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog
      title="Outpaint"
      description={`Place the ${w}×${h} image on a larger canvas; the empty area is what the model fills.`}
      onClose={onClose}
      size="lg"
    >
      <div className="space-y-3">
        <fieldset className="flex flex-wrap gap-1">
          <legend className="sr-only">Canvas size</legend>
          {OUTPAINT_PRESETS.map((p) => (
            <Button
              key={p.id}
              size="sm"
              variant={preset === p.id ? "primary" : "default"}
              aria-pressed={preset === p.id}
              onClick={() => choose(p.id)}
            >
              {p.label}
            </Button>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-end gap-2 text-sm">
          {(["width", "height"] as const).map((f) => (
            <label key={f} className="flex flex-col gap-0.5" htmlFor={`${ids}-${f}`}>
              <span className="text-muted text-xs">{f === "width" ? "Width" : "Height"} (px)</span>
              <input
                id={`${ids}-${f}`}
                type="number"
                inputMode="numeric"
                min={1}
                className="input h-8 w-28"
                value={custom[f]}
                onChange={(e) => typed(f, e.target.value)}
                data-testid={`outpaint-${f}`}
              />
            </label>
          ))}
          <span className="pb-1.5 text-muted text-xs" data-testid="outpaint-position">
            image at {layout.x}, {layout.y}
          </span>
        </div>
        {canPreview && (
          <div className="grid place-items-center rounded-lg bg-surface-2 p-2">
            <div
              className="relative bg-[repeating-conic-gradient(#8884_0_25%,transparent_0_50%)] bg-[length:16px_16px] outline outline-1 outline-border"
              style={{ width: layout.width * scale, height: layout.height * scale }}
              data-testid="outpaint-canvas"
            >
              <canvas
                ref={thumb}
                width={Math.max(1, Math.round(w * scale))}
                height={Math.max(1, Math.round(h * scale))}
                className="absolute cursor-move touch-none"
                style={{ left: layout.x * scale, top: layout.y * scale, width: w * scale, height: h * scale }}
                aria-label="The image: drag to move it"
                onPointerDown={(e) => {
                  e.currentTarget.setPointerCapture(e.pointerId);
                  drag.current = { id: e.pointerId, sx: e.clientX, sy: e.clientY, x: layout.x, y: layout.y };
                }}
                onPointerMove={move}
                onPointerUp={() => (drag.current = null)}
              />
            </div>
          </div>
        )}
        <fieldset className="grid w-fit grid-cols-3 gap-1">
          <legend className="sr-only">Position</legend>
          {ANCHORS.map((a: Anchor) => (
            <Button
              key={a}
              size="xs"
              aria-label={`Place ${a.replace("-", " ")}`}
              title={a.replace("-", " ")}
              onClick={() => setLayout(anchorLayout(a, layout.width, layout.height, w, h))}
            >
              <span aria-hidden>{ARROWS[a]}</span>
            </Button>
          ))}
        </fieldset>
        {problem && (
          <p role="alert" className="text-danger text-sm" data-testid="outpaint-problem">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!!problem}
            pending={pending}
            onClick={finish}
            data-testid="outpaint-done"
          >
            Use {layout.width}×{layout.height}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

const ARROWS: Record<Anchor, string> = {
  "top-left": "↖",
  top: "↑",
  "top-right": "↗",
  left: "←",
  center: "•",
  right: "→",
  "bottom-left": "↙",
  bottom: "↓",
  "bottom-right": "↘",
};
