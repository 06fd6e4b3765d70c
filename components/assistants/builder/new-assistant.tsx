"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCreateAssistant } from "@/components/queries/use-assistants";
import { DraftNotice } from "@/components/shell/draft-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";
import { blankConfig } from "@/lib/assistants/builder";
import { BuilderForm } from "./builder-form";
import { BuilderHeader } from "./builder-header";
import { ASSISTANT_DRAFTS_KEY } from "./store";
import { useBuilderDraft } from "./use-builder-draft";

const SaveDialog = lazyComponent(() => import("./save-dialog").then((m) => m.SaveDialog));

const NEW = "new";
const BLANK = { config: blankConfig(), version: null };

/** /assistants/new: a draft (kept across reloads) that becomes version 1 of a new assistant. */
export function NewAssistant() {
  const d = useBuilderDraft(NEW, BLANK);
  const create = useCreateAssistant();
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const blocked = d.errors > 0 || !d.config.name.trim();
  return (
    <div className="mx-auto max-w-7xl space-y-3">
      <DraftNotice storageKey={ASSISTANT_DRAFTS_KEY} label="assistant builder" />
      <BuilderHeader
        name={d.config.name}
        assistant={null}
        version={null}
        actions={
          <Button
            variant="primary"
            data-testid="assistant-save"
            disabled={blocked}
            title={
              d.errors ? "Fix the errors first." : d.config.name.trim() ? undefined : "Give it a name first."
            }
            onClick={() => setSaving(true)}
          >
            Create assistant
          </Button>
        }
      />
      {d.dirty && (
        <Alert tone="info" testId="assistant-draft-banner">
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span>Unsaved new assistant.</span>
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
        draftKey={NEW}
        mcpHeadersSet={{}}
      />
      {saving && (
        <SaveDialog
          baseVersion={null}
          reloadLatest={() => setSaving(false)}
          onClose={() => setSaving(false)}
          save={async ({ note, visibility }) => {
            const detail = await create.mutateAsync({
              config: d.config,
              ...(note ? { note } : {}),
              visibility,
              mcpHeaders: d.mcpHeaders(),
            });
            d.discard();
            router.push(`/assistants/${encodeURIComponent(detail.assistant.id)}`);
          }}
        />
      )}
    </div>
  );
}
