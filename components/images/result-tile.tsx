"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { lazyComponent } from "@/components/ui/lazy";
import { Spinner } from "@/components/ui/spinner";
import { formatUsd } from "@/lib/format";
import { CHECKER } from "./checker";
import type { ResultSlot } from "./run-job";

const BeforeAfter = lazyComponent(() => import("./before-after").then((m) => m.BeforeAfter));

export interface ResultTileProps {
  slot: ResultSlot;
  index: number;
  /** The first input, for the before/after compare of a kept-outside composite. */
  beforeUrl: string | null;
  priced: boolean;
  onEdit(slot: ResultSlot): void;
}

/** One result: partials as they arrive, then the image, its revised prompt, usage and cost, and where it is kept. */
export function ResultTile({ slot, index, beforeUrl, priced, onEdit }: ResultTileProps) {
  const [raw, setRaw] = useState(false);
  const shown = slot.composite && !raw ? slot.composite : null;
  const url = shown?.url ?? slot.url;
  const stored = shown ? shown.stored : slot.stored;
  const done = slot.status === "done";
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-2"
      data-testid="image-result"
      data-status={slot.status}
      data-partials={slot.partials}
    >
      <div
        className={`relative flex aspect-square items-center justify-center overflow-hidden rounded-md ${CHECKER}`}
      >
        {shown && beforeUrl ? (
          <BeforeAfter
            before={beforeUrl}
            after={shown.url}
            className="max-h-full max-w-full object-contain"
          />
        ) : url ? (
          // biome-ignore lint/performance/noImgElement: a local object URL of bytes just received
          <img
            src={url}
            alt={`Result ${index + 1}${slot.status === "partial" ? " (partial)" : ""}`}
            className="max-h-full max-w-full object-contain"
          />
        ) : slot.status === "pending" ? (
          <Spinner label="Waiting for the image" />
        ) : (
          <span className="px-4 text-center text-muted text-xs">
            {slot.status === "stopped" ? "Stopped" : "No image"}
          </span>
        )}
        {slot.status === "partial" && (
          <span className="absolute top-1 left-1">
            <Badge tone="accent">partial {slot.partials}</Badge>
          </span>
        )}
      </div>
      {done && (
        <div className="flex flex-col gap-1 text-[12px]">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {slot.width && (
              <span className="font-mono text-muted">
                {slot.width}x{slot.height} {slot.format.toUpperCase()}
              </span>
            )}
            {slot.usage && (
              <span className="text-muted" data-testid="image-usage">
                {slot.usage.input_tokens ?? 0} in · {slot.usage.output_tokens ?? 0} out tokens
              </span>
            )}
            <span data-testid="image-cost" className={slot.costUsd === null ? "text-muted" : ""}>
              {slot.costUsd !== null
                ? `≈ ${formatUsd(slot.costUsd)} (estimate)`
                : priced
                  ? "no usage reported"
                  : "no price in the catalogue"}
            </span>
          </div>
          {slot.revisedPrompt && (
            <p className="text-fg/80" data-testid="revised-prompt">
              <span className="text-muted">Revised prompt: </span>
              {slot.revisedPrompt}
            </p>
          )}
          {slot.composite && (
            <label className="flex items-center gap-2 text-muted">
              <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} />
              Show the raw result (outside not kept)
            </label>
          )}
          {slot.compositeError && <p className="text-warning">{slot.compositeError}</p>}
          <SaveState
            saving={slot.saving}
            stored={Boolean(stored)}
            error={shown ? shown.saveError : slot.saveError}
          />
          <div className="flex flex-wrap gap-3">
            {url && (
              <a
                className="font-medium text-accent hover:underline"
                href={url}
                download={`benchtop-image-${index + 1}.${slot.format === "jpeg" ? "jpg" : slot.format}`}
                data-testid="image-download"
              >
                Download
              </a>
            )}
            <button
              type="button"
              className="font-medium text-accent hover:underline"
              onClick={() => onEdit(slot)}
              data-testid="image-edit-this"
            >
              Edit this result
            </button>
            {stored && (
              <Link
                className="font-medium text-accent hover:underline"
                href={`/images/library/${encodeURIComponent(stored.id)}`}
              >
                Open in library
              </Link>
            )}
          </div>
        </div>
      )}
    </li>
  );
}

function SaveState({ saving, stored, error }: { saving: boolean; stored: boolean; error: string | null }) {
  if (saving) return <p className="text-muted">Saving to the library…</p>;
  if (stored) return <p className="text-success">Saved to the library</p>;
  if (error)
    return (
      <p className="text-warning" data-testid="image-save-error">
        Not saved to the library ({error}). Download it now: this page holds the only copy.
      </p>
    );
  return null;
}
