"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useImportAssistant } from "@/components/queries/use-assistants";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ImportResult } from "@/lib/assistants/schema";
import { formatBytes, plural } from "@/lib/format";

const SOURCES: Record<ImportResult["source"], string> = {
  benchtop: "a Benchtop export",
  assistants_api: "a legacy Assistants API object",
  prompt_object: "a prompt object export",
};

/** Larger than any real export; the server has its own body limit, this just saves the upload. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Import one JSON file: a Benchtop export, a legacy Assistants API object or a prompt object export
 * (the server tells them apart). Shows what it understood (kind, versions, what was dropped or
 * changed) before opening the new assistant, so nothing is lost silently.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const router = useRouter();
  const run = useImportAssistant();
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const result = run.data;

  async function take(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    run.reset();
    if (file.size > MAX_BYTES)
      return setProblem(`${file.name} is ${formatBytes(file.size)}; exports are far smaller.`);
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      return setProblem(`${file.name} is not JSON.`);
    }
    run.mutate(raw);
  }

  const open = (id: string) => router.push(`/assistants/${encodeURIComponent(id)}`);
  return (
    <Dialog
      title="Import an assistant"
      description="A Benchtop export (.assistant.json), a legacy Assistants API object, or a prompt object export."
      onClose={onClose}
      size="md"
    >
      <div className="space-y-3" data-testid="assistant-import-dialog">
        {!result && (
          <label
            className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border border-dashed px-4 py-8 text-center text-sm ${over ? "border-accent bg-accent-soft" : "border-border"}`}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(false);
              void take(e.dataTransfer.files[0]);
            }}
          >
            <span className="font-medium">{run.isPending ? "Importing…" : "Drop a JSON file here"}</span>
            <span className="text-muted text-xs">or click to choose one</span>
            <input
              ref={input}
              type="file"
              accept="application/json,.json"
              className="sr-only"
              onChange={(e) => {
                void take(e.target.files?.[0]);
                e.target.value = "";
              }}
              data-testid="assistant-import-file"
            />
          </label>
        )}
        {(problem || run.error) && (
          <Alert tone="danger" testId="assistant-import-error">
            {problem ?? run.error?.message}
          </Alert>
        )}
        {result && (
          <div className="space-y-2" data-testid="assistant-import-result" data-source={result.source}>
            <Alert tone="success" title={`Imported “${result.name}”`}>
              From {SOURCES[result.source]}: {plural(result.versions, "version")}.
            </Alert>
            {result.notes.length > 0 && (
              <div>
                <p className="font-medium text-sm">What changed on the way</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm" data-testid="assistant-import-notes">
                  {result.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
        <div className="flex justify-end gap-2 pt-1">
          {result ? (
            <>
              <Button
                onClick={() => {
                  run.reset();
                  setTimeout(() => input.current?.focus());
                }}
              >
                Import another
              </Button>
              <Button variant="primary" onClick={() => open(result.id)} data-testid="assistant-import-open">
                Open assistant
              </Button>
            </>
          ) : (
            <Button onClick={onClose}>Cancel</Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
