"use client";
import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";

export interface BeforeAfterProps {
  /** Object or same-origin URLs of two images of the same size. */
  before: string;
  after: string;
  className?: string;
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));

/**
 * Compares two images of the same size: "before" on the left of the handle, "after" on the right.
 * Drag anywhere on the image, or focus the handle and use the arrow keys (Shift for steps of 10),
 * Page Up/Down, Home and End.
 */
export function BeforeAfter({ before, after, className }: BeforeAfterProps) {
  const [pos, setPos] = useState(50);
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<HTMLDivElement>(null);

  const fromPointer = (e: PointerEvent) => {
    const r = box.current?.getBoundingClientRect();
    if (r && r.width > 0) setPos(clamp(Math.round(((e.clientX - r.left) / r.width) * 1000) / 10));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 1;
    const next: Record<string, number> = {
      ArrowLeft: pos - step,
      ArrowDown: pos - step,
      ArrowRight: pos + step,
      ArrowUp: pos + step,
      PageDown: pos - 10,
      PageUp: pos + 10,
      Home: 0,
      End: 100,
    };
    const value = next[e.key];
    if (value === undefined) return;
    e.preventDefault();
    setPos(clamp(Math.round(value * 10) / 10));
  };

  return (
    <div
      ref={box}
      className={`relative touch-none select-none overflow-hidden ${className ?? ""}`}
      data-testid="before-after"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        handle.current?.focus({ preventScroll: true });
        fromPointer(e);
      }}
      onPointerMove={(e) => e.currentTarget.hasPointerCapture(e.pointerId) && fromPointer(e)}
    >
      {/* biome-ignore lint/performance/noImgElement: object URLs of generated images; next/image cannot optimise them. */}
      <img src={after} alt="After" className="block h-auto w-full" draggable={false} />
      {/* biome-ignore lint/performance/noImgElement: as above. */}
      <img
        src={before}
        alt="Before"
        className="absolute inset-0 size-full"
        style={{ clipPath: `inset(0 ${100 - pos}% 0 0)` }}
        draggable={false}
      />
      <span className="pointer-events-none absolute top-2 left-2 rounded bg-black/60 px-1.5 py-0.5 text-white text-xs">
        Before
      </span>
      <span className="pointer-events-none absolute top-2 right-2 rounded bg-black/60 px-1.5 py-0.5 text-white text-xs">
        After
      </span>
      <div
        className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgb(0_0_0/0.4)]"
        style={{ left: `${pos}%` }}
      />
      <div
        ref={handle}
        role="slider"
        tabIndex={0}
        aria-label="Before and after"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pos}
        aria-valuetext={`${Math.round(pos)}% before`}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
        className="absolute top-1/2 grid size-9 -translate-x-1/2 -translate-y-1/2 cursor-ew-resize place-items-center rounded-full border-2 border-white bg-black/50 text-white text-xs outline-none focus-visible:ring-2 focus-visible:ring-accent"
        style={{ left: `${pos}%` }}
        data-testid="before-after-handle"
      >
        ⇔
      </div>
    </div>
  );
}
