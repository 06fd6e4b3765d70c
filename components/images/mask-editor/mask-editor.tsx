"use client";
import { type KeyboardEvent, useEffect, useState } from "react";
import { addOp, canRedo, canUndo, emptyMask, type MaskDoc, redoMask, undoMask } from "@/lib/images/mask";
import { MaskFileActions } from "./mask-file-actions";
import { MaskToolbar } from "./mask-toolbar";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { type Tool, useMaskCanvas } from "./use-mask-canvas";
import { defaultBrush, stepSize } from "./view";

export interface MaskEditorProps {
  /** The first input image, already oriented (EXIF applied), at its natural size. */
  image: ImageBitmap;
  mask: MaskDoc;
  onChange(mask: MaskDoc): void;
  className?: string;
  /** A URL of the same image (object or same-origin), if the caller has one; else the editor makes one. */
  src?: string;
}

/**
 * Draws the edit area over an image: brush, eraser, rectangle and lasso, kept as vector operations
 * in image pixels (zoom never changes the mask). Keys work while the editor has focus, so typing a
 * prompt elsewhere is never taken for a shortcut. docs/images-mask.md has the design.
 */
export function MaskEditor({ image, mask, onChange, className, src }: MaskEditorProps) {
  const [tool, setTool] = useState<Tool>("brush");
  const [size, setSize] = useState(() => defaultBrush(image.width, image.height));
  const [shortcuts, setShortcuts] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const maxSize = Math.max(8, Math.round(Math.max(image.width, image.height) / 4));
  const canvas = useMaskCanvas({ image, mask, onChange, tool, size, src });
  const mismatch = mask.width !== image.width || mask.height !== image.height;

  // A mask from another image (the first input was replaced) starts over at this image's size.
  useEffect(() => {
    if (mismatch) onChange(emptyMask(image.width, image.height));
  }, [mismatch, image.width, image.height, onChange]);

  const change = (next: MaskDoc) => next !== mask && onChange(next);
  const actions = {
    undo: () => change(undoMask(mask)),
    redo: () => change(redoMask(mask)),
    fill: () => onChange(addOp(mask, { kind: "fill" })),
    invert: () => onChange(addOp(mask, { kind: "invert" })),
    clear: () => mask.ops.length > 0 && onChange(addOp(mask, { kind: "clear" })),
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, select, [contenteditable=true], [role=dialog]")) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const run = (f: () => void) => {
      e.preventDefault();
      f();
    };
    if (mod && key === "z") return run(e.shiftKey ? actions.redo : actions.undo);
    if (mod && key === "y") return run(actions.redo);
    if (mod || e.altKey) return;
    if (e.key === " " && target === canvas.viewportRef.current)
      return run(() => (canvas.space.current = true));
    const keys: Record<string, () => void> = {
      b: () => setTool("brush"),
      e: () => setTool((t) => (t === "eraser" ? "brush" : "eraser")),
      x: () => setTool((t) => (t === "eraser" ? "brush" : "eraser")),
      r: () => setTool("rect"),
      l: () => setTool("lasso"),
      i: actions.invert,
      "[": () => setSize((s) => stepSize(s, false, maxSize)),
      "]": () => setSize((s) => stepSize(s, true, maxSize)),
      "+": () => canvas.zoomBy(1.25),
      "=": () => canvas.zoomBy(1.25),
      "-": () => canvas.zoomBy(0.8),
      "0": canvas.fitToView,
      "?": () => setShortcuts(true),
    };
    const f = keys[e.key] ?? keys[key];
    if (f) run(f);
  };

  useEffect(() => {
    const release = (e: globalThis.KeyboardEvent) => {
      if (e.key === " ") canvas.space.current = false;
    };
    window.addEventListener("keyup", release);
    window.addEventListener("blur", () => (canvas.space.current = false));
    return () => window.removeEventListener("keyup", release);
  }, [canvas.space]);

  const painting = tool === "brush" || tool === "eraser";
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the shortcuts of the focusable parts inside, gathered in one place.
    <div className={`flex flex-col gap-2 ${className ?? ""}`} onKeyDown={onKeyDown} data-testid="mask-editor">
      <MaskToolbar
        tool={tool}
        onTool={setTool}
        size={size}
        maxSize={maxSize}
        onSize={setSize}
        zoom={canvas.zoom}
        onZoomIn={() => canvas.zoomBy(1.25)}
        onZoomOut={() => canvas.zoomBy(0.8)}
        onFit={canvas.fitToView}
        canUndo={canUndo(mask)}
        canRedo={canRedo(mask)}
        onUndo={actions.undo}
        onRedo={actions.redo}
        onFill={actions.fill}
        onInvert={actions.invert}
        onClear={actions.clear}
        onShortcuts={() => setShortcuts(true)}
        more={<MaskFileActions image={image} mask={mask} onChange={onChange} onError={setError} />}
      />
      {error && (
        <p role="alert" className="text-danger text-xs" data-testid="mask-error">
          {error}
        </p>
      )}
      <div
        ref={canvas.viewportRef}
        role="application"
        aria-label={`Mask editor: ${tool}, ${size} px. Press ? for shortcuts.`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a drawing surface (role application) that takes keys, listed in the shortcuts dialog.
        tabIndex={0}
        className="relative max-h-[70vh] min-h-56 w-full touch-none select-none overflow-hidden rounded-lg border border-border bg-surface-2 outline-none focus-visible:ring-2 focus-visible:ring-accent"
        // The image's own shape, up to 70% of the screen's height: no empty band around a wide image.
        style={{ cursor: painting ? "none" : "crosshair", aspectRatio: `${image.width} / ${image.height}` }}
      >
        <div
          ref={canvas.stageRef}
          className="absolute top-0 left-0 origin-top-left"
          style={{ width: image.width, height: image.height }}
        >
          {canvas.url && (
            // biome-ignore lint/performance/noImgElement: an object URL at natural size, scaled by the stage's transform.
            <img
              src={canvas.url}
              alt=""
              width={image.width}
              height={image.height}
              className="absolute inset-0 size-full max-w-none"
              draggable={false}
            />
          )}
          <div ref={canvas.overlayRef} className="absolute inset-0" />
          <svg
            className="pointer-events-none absolute inset-0 size-full overflow-visible"
            viewBox={`0 0 ${image.width} ${image.height}`}
            aria-hidden
          >
            <polygon
              ref={canvas.shapeRef}
              fill="rgb(255 0 170 / 0.25)"
              stroke="white"
              strokeWidth={1.5}
              strokeDasharray="4 3"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
          {/* The surface the pointer meets, the image's size; it holds no pixels (the overlay does). */}
          <canvas
            width={1}
            height={1}
            className="absolute inset-0 size-full"
            data-testid="mask-canvas"
            aria-hidden
          />
        </div>
        <div
          ref={canvas.ringRef}
          className="pointer-events-none absolute top-0 left-0 hidden rounded-full border border-white shadow-[0_0_0_1px_rgb(0_0_0/0.7)]"
          data-testid="mask-cursor"
        />
      </div>
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
    </div>
  );
}
