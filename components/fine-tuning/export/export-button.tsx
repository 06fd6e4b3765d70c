"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, apiRequest } from "@/lib/api-client";
import type { ExportIo, ExportProgress, Manifest } from "@/lib/fine-tuning/export";
import type { Job } from "@/lib/fine-tuning/types";
import { formatBytes, formatCount } from "@/lib/format";

const io: ExportIo = {
  json: (path, signal) => apiFetch(path, { signal }),
  body: async (path, signal) => {
    const res = await apiRequest(path, { signal, accept: "*/*" });
    if (!res.body) throw new Error("The response had no body");
    return res.body;
  },
};

function progressText(p: ExportProgress): string {
  if (p.done === undefined) return p.stage;
  if (p.stage.startsWith("Downloading"))
    return `${p.stage}: ${formatBytes(p.done)}${p.total ? ` of ${formatBytes(p.total)}` : ""}`;
  return `${p.stage}: ${formatCount(p.done)}`;
}

/**
 * "Export job": everything of a job as `<job id>.zip`, built in the page (lib/fine-tuning/export.ts;
 * docs/fine-tuning-export.md). fflate and the builder load on the first click.
 */
export function ExportJobButton({ job }: { job: Job }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "note" | "error"; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const ctl = new AbortController();
    abort.current = ctl;
    setOutcome(null);
    setProgress("Starting…");
    try {
      const [{ exportJob }, { saveBlob }] = await Promise.all([
        import("@/lib/fine-tuning/export"),
        import("@/lib/images/download"),
      ]);
      const { blob, manifest } = await exportJob(job.id, io, {
        signal: ctl.signal,
        onProgress: (p) => setProgress(progressText(p)),
      });
      saveBlob(blob, `${job.id}.zip`);
      setOutcome({ tone: "note", text: summary(manifest, blob.size) });
    } catch (err) {
      setOutcome(
        ctl.signal.aborted
          ? { tone: "note", text: "Export cancelled." }
          : { tone: "error", text: `Export failed: ${err instanceof Error ? err.message : String(err)}` },
      );
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="ft-export">
      {progress === null ? (
        <Button size="sm" onClick={run} data-testid="ft-export-button">
          Export job
        </Button>
      ) : (
        <>
          <Button size="sm" pending>
            Exporting…
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => abort.current?.abort()}
            data-testid="ft-export-cancel"
          >
            Cancel
          </Button>
          <span className="text-muted text-xs" aria-live="polite" data-testid="ft-export-progress">
            {progress}
          </span>
        </>
      )}
      {outcome && (
        <span
          role={outcome.tone === "error" ? "alert" : "status"}
          className={`text-xs ${outcome.tone === "error" ? "text-danger" : "text-muted"}`}
          data-testid="ft-export-outcome"
        >
          {outcome.text}
        </span>
      )}
    </div>
  );
}

function summary(m: Manifest, size: number): string {
  const left = m.not_included.filter(
    (n) => !n.what.startsWith("Result files") && n.what !== "Validation file",
  );
  const base = `Saved ${m.job_id}.zip (${formatBytes(size)}, ${m.included.length} entries).`;
  return left.length
    ? `${base} Not included: ${left.map((n) => n.what).join(", ")} (see manifest.json).`
    : base;
}
