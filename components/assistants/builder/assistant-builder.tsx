"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useAssistant, useSaveVersion } from "@/components/queries/use-assistants";
import { DraftNotice } from "@/components/shell/draft-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { lazyComponent } from "@/components/ui/lazy";
import type { AssistantDetail } from "@/lib/assistants/schema";
import { queryKeys } from "@/lib/query-keys";
import { BuilderForm } from "./builder-form";
import { BuilderHeader } from "./builder-header";
import { ASSISTANT_DRAFTS_KEY } from "./store";
import { useBuilderDraft } from "./use-builder-draft";

// Out of the first load: the code generators and the dialogs load when first opened.
const ViewCodeDialog = lazyComponent(() => import("./view-code-dialog").then((m) => m.ViewCodeDialog));
const SaveDialog = lazyComponent(() => import("./save-dialog").then((m) => m.SaveDialog));

/** /assistants/[id], the Build tab: the latest version, or the unsaved draft based on one. */
export function AssistantBuilder({ id }: { id: string }) {
  const q = useAssistant(id);
  if (q.isError)
    return (
      <Alert tone="danger" title="Could not load this assistant">
        {q.error.message}
      </Alert>
    );
  if (!q.data) return <EmptyState title="Loading assistant…" loading />;
  return <Editor detail={q.data} />;
}

function Editor({ detail }: { detail: AssistantDetail }) {
  const { assistant, version } = detail;
  const d = useBuilderDraft(
    assistant.id,
    { config: version.config, version: version.version },
    detail.mcpHeadersSet,
  );
  const save = useSaveVersion();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<"save" | "code" | null>(null);
  const reloadLatest = () => {
    d.discard();
    setDialog(null);
    void qc.invalidateQueries({ queryKey: queryKeys.assistant(assistant.id) });
  };
  return (
    <div className="space-y-3">
      <DraftNotice storageKey={ASSISTANT_DRAFTS_KEY} label="assistant builder" />
      <BuilderHeader
        name={d.config.name}
        assistant={assistant}
        version={version.version}
        actions={
          <>
            <Button onClick={() => setDialog("code")}>View code</Button>
            <Button
              variant="primary"
              data-testid="assistant-save"
              disabled={!assistant.canEdit || !d.dirty || d.errors > 0}
              title={
                !assistant.canEdit
                  ? "Only the owner and admins save versions."
                  : d.errors
                    ? "Fix the errors first."
                    : d.dirty
                      ? undefined
                      : "Nothing changed."
              }
              onClick={() => setDialog("save")}
            >
              Save version
            </Button>
          </>
        }
      />
      {d.dirty && (
        <Alert tone="info" testId="assistant-draft-banner">
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span>
              Unsaved changes based on version {d.baseVersion}
              {d.baseVersion !== assistant.latestVersion &&
                ` (version ${assistant.latestVersion} was saved since)`}
              .
            </span>
            <Button size="sm" variant="ghost" onClick={d.discard}>
              Discard
            </Button>
          </span>
        </Alert>
      )}
      <BuilderForm
        config={d.config}
        onChange={d.update}
        model={d.model}
        issues={d.issues}
        draftKey={assistant.id}
        mcpHeadersSet={detail.mcpHeadersSet}
      />
      {dialog === "save" && (
        <SaveDialog
          baseVersion={d.baseVersion}
          reloadLatest={reloadLatest}
          onClose={() => setDialog(null)}
          save={async ({ note, force }) => {
            await save.mutateAsync({
              id: assistant.id,
              input: {
                config: d.config,
                ...(note ? { note } : {}),
                baseVersion: d.baseVersion ?? undefined,
                force,
                mcpHeaders: d.mcpHeaders(),
              },
            });
            d.discard();
            setDialog(null);
          }}
        />
      )}
      {dialog === "code" && (
        <ViewCodeDialog id={assistant.id} config={version.config} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
