"use client";

import { useRestoreAssistant } from "@/components/queries/use-assistants";
import { Button } from "@/components/ui/button";
import type { AssistantSummary } from "@/lib/assistants/schema";

/** Brings a soft-deleted assistant back (the owner or an admin), with its versions and production. */
export function RestoreButton({ a }: { a: AssistantSummary }) {
  const restore = useRestoreAssistant();
  if (!a.canEdit) return <span className="text-muted text-xs">owner or admin restores</span>;
  return (
    <span className="inline-flex items-center gap-2">
      {restore.error && <span className="text-danger text-xs">{restore.error.message}</span>}
      <Button
        size="sm"
        pending={restore.isPending}
        onClick={() => restore.mutate(a.id)}
        data-testid="assistant-restore"
      >
        Restore
      </Button>
    </span>
  );
}
