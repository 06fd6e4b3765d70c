"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ASSISTANT_LIMITS, type AssistantVisibility } from "@/lib/assistants/schema";
import { ApiError } from "@/lib/errors";

export interface SaveDialogProps {
  /** null on /assistants/new (version 1, with a visibility choice). */
  baseVersion: number | null;
  /** Saves; throws the route's ApiError (409 when someone saved meanwhile and `force` is not set). */
  save(input: { note: string; force: boolean; visibility: AssistantVisibility }): Promise<void>;
  /** Drops the draft and shows the latest saved version. */
  reloadLatest(): void;
  onClose(): void;
}

/** "Save version": an optional note; a stale base offers saving anyway or reloading the latest. */
export function SaveDialog({ baseVersion, save, reloadLatest, onClose }: SaveDialogProps) {
  const [note, setNote] = useState("");
  const [visibility, setVisibility] = useState<AssistantVisibility>("team");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const conflict = error instanceof ApiError && error.status === 409;
  const run = async (force: boolean) => {
    setPending(true);
    setError(null);
    try {
      await save({ note: note.trim(), force, visibility });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog
      title={baseVersion === null ? "Create assistant" : "Save version"}
      description={
        baseVersion === null
          ? "Saves version 1. Code can call it by id once it exists."
          : `Saves a new version, based on version ${baseVersion}. Saved versions never change.`
      }
      onClose={onClose}
      initialFocus={noteRef}
    >
      <form
        className="space-y-3"
        data-testid="assistant-save-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!conflict) void run(false);
        }}
      >
        <label className="block space-y-1">
          <span className="label">What changed (optional)</span>
          <textarea
            ref={noteRef}
            data-testid="assistant-save-note"
            rows={3}
            maxLength={ASSISTANT_LIMITS.note}
            className="input h-auto w-full px-2 py-1.5 text-sm"
            placeholder="Tightened the tone; added the refund tool"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {baseVersion === null && (
          <fieldset className="space-y-1 text-sm">
            <legend className="label mb-1">Visibility</legend>
            <label className="flex items-center gap-2">
              <input type="radio" checked={visibility === "team"} onChange={() => setVisibility("team")} />
              Team — every member sees it and can call it
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                checked={visibility === "private"}
                onChange={() => setVisibility("private")}
              />
              Private — only you
            </label>
          </fieldset>
        )}
        {conflict ? (
          <Alert
            tone="warning"
            title="Someone saved a newer version meanwhile"
            testId="assistant-save-conflict"
          >
            <p className="mb-2">
              Version {baseVersion} is no longer the latest. Save yours anyway as the next version, or reload
              the latest and lose these edits.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="primary" disabled={pending} onClick={() => void run(true)}>
                Save anyway
              </Button>
              <Button size="sm" disabled={pending} onClick={reloadLatest}>
                Reload latest
              </Button>
            </div>
          </Alert>
        ) : (
          error && (
            <Alert tone="danger" testId="assistant-save-error">
              {error.message}
            </Alert>
          )
        )}
        {!conflict && (
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Saving…" : baseVersion === null ? "Create" : "Save version"}
            </Button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
