"use client";
import { Dialog } from "@/components/ui/dialog";

const SHORTCUTS: [string, string][] = [
  ["B", "Brush"],
  ["E or X", "Switch between brush and eraser"],
  ["R / L", "Rectangle / lasso (hold Alt to take away)"],
  ["[ and ]", "Smaller / larger brush"],
  ["Ctrl+Z (⌘Z)", "Undo"],
  ["Shift+Ctrl+Z or Ctrl+Y", "Redo"],
  ["I", "Invert"],
  ["Wheel, + and −", "Zoom"],
  ["0", "Fit the image"],
  ["Space+drag, middle button", "Pan"],
  ["Two fingers", "Pinch to zoom, drag to pan"],
  ["?", "These shortcuts"],
];

export interface ShortcutsDialogProps {
  onClose(): void;
}

export function ShortcutsDialog({ onClose }: ShortcutsDialogProps) {
  return (
    <Dialog
      title="Mask editor shortcuts"
      description="Painted areas are what the model may change; the rest is kept."
      onClose={onClose}
      size="sm"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="mask-shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-border bg-surface-2 px-1.5 py-0.5 font-mono text-xs">
                {keys}
              </kbd>
            </dt>
            <dd className="text-muted">{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
