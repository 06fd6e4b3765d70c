"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Tool } from "./use-mask-canvas";

const TOOLS: { id: Tool; label: string; key: string }[] = [
  { id: "brush", label: "Brush", key: "B" },
  { id: "eraser", label: "Eraser", key: "E or X toggles" },
  { id: "rect", label: "Rectangle", key: "R" },
  { id: "lasso", label: "Lasso", key: "L" },
];

export interface MaskToolbarProps {
  tool: Tool;
  onTool(tool: Tool): void;
  size: number;
  maxSize: number;
  onSize(size: number): void;
  zoom: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onFill(): void;
  onInvert(): void;
  onClear(): void;
  onShortcuts(): void;
  /** Import, export and the image's transparency. */
  more: ReactNode;
}

const group = "flex flex-wrap items-center gap-1";

export function MaskToolbar(p: MaskToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5" role="toolbar" aria-label="Mask tools">
      <div className={group}>
        {TOOLS.map((t) => (
          <Button
            key={t.id}
            size="sm"
            variant={p.tool === t.id ? "primary" : "default"}
            aria-pressed={p.tool === t.id}
            title={`${t.label} (${t.key})`}
            data-testid={`mask-tool-${t.id}`}
            onClick={() => p.onTool(t.id)}
          >
            {t.label}
          </Button>
        ))}
      </div>
      <label className="flex items-center gap-1.5 text-muted text-xs">
        <span>Size</span>
        <input
          type="range"
          min={1}
          max={p.maxSize}
          value={p.size}
          onChange={(e) => p.onSize(Number(e.target.value))}
          aria-label="Brush size"
          aria-valuetext={`${p.size} pixels`}
          className="w-24 accent-[var(--accent)]"
          data-testid="mask-size"
        />
        <span className="w-12 tabular-nums">{p.size} px</span>
      </label>
      <div className={group}>
        <Button
          size="sm"
          onClick={p.onUndo}
          disabled={!p.canUndo}
          title="Undo (Ctrl+Z)"
          data-testid="mask-undo"
        >
          Undo
        </Button>
        <Button
          size="sm"
          onClick={p.onRedo}
          disabled={!p.canRedo}
          title="Redo (Shift+Ctrl+Z or Ctrl+Y)"
          data-testid="mask-redo"
        >
          Redo
        </Button>
        <Button size="sm" onClick={p.onFill} title="Everything is the edit area" data-testid="mask-fill">
          Fill
        </Button>
        <Button size="sm" onClick={p.onInvert} title="Invert (I)" data-testid="mask-invert">
          Invert
        </Button>
        <Button size="sm" onClick={p.onClear} title="Nothing is the edit area" data-testid="mask-clear">
          Clear
        </Button>
      </div>
      <div className={group}>
        <Button size="sm" onClick={p.onZoomOut} aria-label="Zoom out" title="Zoom out (-)">
          −
        </Button>
        <Button size="sm" onClick={p.onFit} aria-label="Fit to view" title="Fit (0)">
          <span className="tabular-nums">{Math.round(p.zoom * 100)}%</span>
        </Button>
        <Button size="sm" onClick={p.onZoomIn} aria-label="Zoom in" title="Zoom in (+)">
          +
        </Button>
      </div>
      <div className={group}>
        {p.more}
        <Button
          size="sm"
          variant="ghost"
          onClick={p.onShortcuts}
          aria-label="Keyboard shortcuts"
          title="Shortcuts (?)"
        >
          ?
        </Button>
      </div>
    </div>
  );
}
