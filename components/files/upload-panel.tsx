"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes, plural } from "@/lib/format";
import { hasFile, type UploadEntry, useUploads } from "./upload-store";

/** A stopped upload's bar keeps where it stopped, greyed: only a finished one is full and green. */
const FILL: Record<UploadEntry["status"], string> = {
  uploading: "bg-accent",
  done: "bg-success",
  error: "bg-danger",
  cancelled: "bg-muted/50",
  paused: "bg-warning",
};

/** Each upload with its progress, speed, and what can be done: cancel, retry, or pick the file again to resume. */
export function UploadPanel({ onDone }: { onDone(): void }) {
  const uploads = useUploads((s) => s.uploads);
  if (!uploads.length) return null;
  return (
    <section
      aria-label="Uploads"
      className="space-y-2 rounded-lg border border-border bg-surface p-3"
      data-testid="uploads"
    >
      <div className="flex items-center justify-between">
        <h2 className="font-medium text-sm">Uploads</h2>
        <Button variant="ghost" size="sm" onClick={() => useUploads.getState().clearFinished()}>
          Clear finished
        </Button>
      </div>
      <ul className="space-y-2">
        {uploads.map((u) => (
          <UploadRow key={u.id} u={u} onDone={onDone} />
        ))}
      </ul>
    </section>
  );
}

function UploadRow({ u, onDone }: { u: UploadEntry; onDone(): void }) {
  const pick = useRef<HTMLInputElement>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const { cancel, retry, resume, remove } = useUploads.getState();
  const pct = u.size ? Math.round((u.sent / u.size) * 100) : 0;
  // Refused before sending (wrong extension, too large): nothing to retry until the input changes.
  const invalid = u.status === "error" && !u.startedAt;
  const needsFile =
    (u.status === "paused" || u.status === "error" || u.status === "cancelled") && !hasFile(u.id);
  const parts = u.parts.uploadId ? ` · ${plural(Object.keys(u.parts.done).length, "part")} sent` : "";
  return (
    <li className="space-y-1 text-sm" data-testid="upload" data-status={u.status} data-name={u.name}>
      <div className="flex items-center gap-2">
        <span className="min-w-0 flex-1 truncate" title={u.name}>
          {u.name}
        </span>
        <span className="text-muted text-xs tabular-nums">
          {formatBytes(u.sent)} / {formatBytes(u.size)}
          {u.status === "uploading" && u.speed > 0 ? ` · ${formatBytes(u.speed)}/s` : ""}
          {parts}
        </span>
        {u.status === "uploading" && (
          <Button variant="ghost" size="sm" onClick={() => cancel(u.id)} data-testid="upload-cancel">
            Cancel
          </Button>
        )}
        {!invalid &&
          (u.status === "error" || u.status === "cancelled" || u.status === "paused") &&
          (needsFile ? (
            <>
              <Button size="sm" onClick={() => pick.current?.click()} data-testid="upload-resume">
                {u.status === "paused" ? "Pick file to resume" : "Pick file to retry"}
              </Button>
              <input
                ref={pick}
                type="file"
                hidden
                data-testid="upload-resume-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) setPickError(resume(u.id, f, onDone));
                  e.target.value = "";
                }}
              />
            </>
          ) : (
            <Button size="sm" onClick={() => retry(u.id, onDone)} data-testid="upload-retry">
              Retry
            </Button>
          ))}
        {u.status !== "uploading" && (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Remove ${u.name} from the list`}
            onClick={() => remove(u.id)}
          >
            ×
          </Button>
        )}
      </div>
      <div
        className="h-1.5 overflow-hidden rounded bg-surface-2"
        role="progressbar"
        aria-label={`${u.name} progress`}
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={u.status === "cancelled" ? `cancelled at ${pct}%` : undefined}
      >
        <div className={`h-full ${FILL[u.status]}`} style={{ width: `${pct}%` }} data-testid="upload-fill" />
      </div>
      {u.status === "paused" && (
        <p className="text-muted text-xs">
          Interrupted by a reload. Pick the same file to send the parts that are missing.
        </p>
      )}
      {u.status === "cancelled" && (
        <p className="text-muted text-xs">
          {u.sent
            ? `Cancelled after ${formatBytes(u.sent)} of ${formatBytes(u.size)} had arrived; the partial upload was discarded.`
            : "Cancelled."}
        </p>
      )}
      {u.error && (
        <p className="text-danger text-xs" role="alert" data-testid="upload-error">
          {u.error}
        </p>
      )}
      {pickError && <p className="text-danger text-xs">{pickError}</p>}
    </li>
  );
}
