"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useFiles } from "@/components/queries/use-files";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/errors";
import type { HostBodyLimit } from "@/lib/files/limits";
import type { TrainingMethod } from "@/lib/fine-tuning/validate/checks";
import { type ValidationResult, validateFile } from "@/lib/fine-tuning/validate/client";
import { formatBytes } from "@/lib/format";
import type { FineTuningSpec } from "@/lib/models/schema";
import type { Encoding } from "@/lib/openai-facts";
import { queryKeys } from "@/lib/query-keys";
import { ValidationReport } from "./validation-report";

export interface FileSlotProps {
  slot: "training" | "validation";
  method: TrainingMethod;
  encoding: Encoding;
  spec: FineTuningSpec;
  /** The uploaded file id chosen ("" for none). */
  fileId: string;
  onFileId(id: string): void;
  /** A local file to validate and upload (picked here or made by the split helper). */
  local: File | null;
  onLocal(file: File | null): void;
  hostBodyLimit: HostBodyLimit;
  /** The training slot's validation, for the split helper. */
  onValidated?(result: ValidationResult | null): void;
}

type Phase =
  | { kind: "idle" }
  | { kind: "validating"; bytes: number; total: number }
  | { kind: "validated"; result: ValidationResult }
  | { kind: "failed"; message: string };

/** One of the job's files: an uploaded one, or a local one validated here before it is uploaded. */
export function FileSlot(props: FileSlotProps) {
  const { slot, method, encoding, spec, local, onValidated } = props;
  const { files } = useFiles("fine-tune");
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [upload, setUpload] = useState<{ sent: number; error: string | null } | null>(null);
  const uploadCtrl = useRef<AbortController | null>(null);
  const validateCtrl = useRef<AbortController | null>(null);
  const label = slot === "training" ? "Training file" : "Validation file (optional)";
  const testId = `${slot}-file`;

  useEffect(() => {
    setUpload(null);
    if (!local) {
      setPhase({ kind: "idle" });
      onValidated?.(null);
      return;
    }
    const ctrl = new AbortController();
    validateCtrl.current = ctrl;
    setPhase({ kind: "validating", bytes: 0, total: local.size });
    validateFile(local, {
      method,
      encoding,
      contextTokens: spec.trainingContextTokens,
      trainingPrice: spec.trainingPrice,
      key: slot,
      compareWith: slot === "validation" ? "training" : undefined,
      minExamples: slot === "validation" ? 1 : undefined,
      signal: ctrl.signal,
      onProgress: (p) => setPhase({ kind: "validating", bytes: p.bytes, total: p.total }),
    }).then(
      (result) => {
        setPhase({ kind: "validated", result });
        onValidated?.(result);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setPhase({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => ctrl.abort();
  }, [local, method, encoding, spec, slot, onValidated]);

  const send = async () => {
    if (!local) return;
    const ctrl = new AbortController();
    uploadCtrl.current = ctrl;
    setUpload({ sent: 0, error: null });
    try {
      const { uploadFile } = await import("@/lib/files/upload");
      const done = await uploadFile(
        local,
        "fine-tune",
        null,
        { done: {}, uploadId: null },
        { onProgress: (sent) => setUpload({ sent, error: null }) },
        ctrl.signal,
        props.hostBodyLimit,
      );
      void qc.invalidateQueries({ queryKey: queryKeys.fileList("fine-tune") });
      props.onFileId(done.id);
      props.onLocal(null);
    } catch (e) {
      if (ctrl.signal.aborted) return setUpload(null);
      setUpload({
        sent: 0,
        error: e instanceof ApiError || e instanceof Error ? e.message : "Upload failed.",
      });
    }
  };

  const result = phase.kind === "validated" ? phase.result : null;
  const blocked = !result || result.report.errorCount > 0;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" data-testid={testId}>
      <legend className="label mb-1">{label}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <select
          className="input h-8 w-auto max-w-full"
          aria-label={`${label}: uploaded`}
          value={props.fileId}
          onChange={(e) => props.onFileId(e.target.value)}
          data-testid={`${testId}-select`}
        >
          <option value="">{slot === "training" ? "Pick an uploaded file…" : "None"}</option>
          {files.map((f) => (
            <option key={f.id} value={f.id}>
              {f.filename} ({formatBytes(f.bytes)})
            </option>
          ))}
        </select>
        <span className="text-muted text-sm">or</span>
        <label className="btn h-8 cursor-pointer">
          Check a local file…
          <input
            type="file"
            accept=".jsonl,application/jsonl,text/plain"
            className="sr-only"
            data-testid={`${testId}-input`}
            onChange={(e) => {
              props.onLocal(e.target.files?.[0] ?? null);
              e.target.value = "";
            }}
          />
        </label>
      </div>
      {local && (
        <div className="flex min-w-0 flex-col gap-2 rounded-md border border-border p-3">
          <p className="text-sm">
            <span className="font-medium">{local.name}</span>{" "}
            <span className="text-muted">
              {formatBytes(local.size)}, checked in your browser, not uploaded yet
            </span>
          </p>
          {phase.kind === "validating" && (
            <div className="flex items-center gap-2 text-sm" data-testid={`${testId}-progress`}>
              <progress max={phase.total || 1} value={phase.bytes} className="w-48" />
              <span className="text-muted">Checking…</span>
              <Button size="xs" onClick={() => validateCtrl.current?.abort()}>
                Cancel
              </Button>
            </div>
          )}
          {phase.kind === "failed" && (
            <p className="text-danger text-sm">Could not check the file: {phase.message}</p>
          )}
          {result && (
            <ValidationReport
              report={result.report}
              file={local}
              testId={`${testId}-report`}
              priced={slot === "training"}
            />
          )}
          {result && (
            <div className="flex flex-wrap items-center gap-2">
              <Button
                variant="primary"
                size="sm"
                disabled={blocked || upload !== null}
                onClick={() => void send()}
                data-testid={`${testId}-upload`}
              >
                Upload {slot} file
              </Button>
              {blocked && (
                <span className="text-muted text-sm">Fix the errors first; warnings do not block.</span>
              )}
              {upload && !upload.error && (
                <span className="text-muted text-sm" data-testid={`${testId}-uploading`}>
                  Uploading {formatBytes(upload.sent)} of {formatBytes(local.size)}…
                </span>
              )}
              {upload?.error && <span className="text-danger text-sm">{upload.error}</span>}
              <Button size="sm" variant="ghost" onClick={() => props.onLocal(null)}>
                Discard
              </Button>
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
