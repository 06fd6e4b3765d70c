"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  useDeleteAssistant,
  useDuplicateAssistant,
  useExportAssistant,
} from "@/components/queries/use-assistants";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import type { AssistantSummary } from "@/lib/assistants/schema";
import { downloadExport } from "../download-export";

/** A row's actions: open, chat, duplicate, export, delete (restorable, so the confirm says so). */
export function RowMenu({
  a,
  restoreDays,
  onDeleted,
}: {
  a: AssistantSummary;
  restoreDays: number;
  onDeleted(a: AssistantSummary): void;
}) {
  const router = useRouter();
  const [confirm, confirmDialog] = useConfirm();
  const remove = useDeleteAssistant();
  const duplicate = useDuplicateAssistant();
  const exp = useExportAssistant();
  const [error, setError] = useState<string | null>(null);
  const href = `/assistants/${encodeURIComponent(a.id)}`;
  const busy = remove.isPending || duplicate.isPending || exp.isPending;
  const fail = (e: { message: string }) => setError(e.message);
  async function onDelete() {
    const ok = await confirm({
      title: `Delete “${a.name || "Untitled"}”?`,
      description: `Code that calls it by id gets a 400 from now on. You can restore it from Recently deleted for ${restoreDays} days.`,
      confirmLabel: "Delete",
      danger: true,
    });
    if (ok) remove.mutate(a.id, { onSuccess: () => onDeleted(a), onError: fail });
  }
  return (
    <span className="inline-flex items-center gap-1">
      {confirmDialog}
      {error && (
        <span role="alert" className="max-w-48 truncate text-danger text-xs" title={error}>
          {error}
        </span>
      )}
      <Menu>
        <MenuTrigger
          aria-label={`Actions for ${a.name || "Untitled"}`}
          className="btn btn-ghost size-8 px-0"
          data-testid="assistant-menu"
        >
          {busy ? <Spinner /> : <span aria-hidden>⋯</span>}
        </MenuTrigger>
        <MenuContent align="end">
          <MenuItem onClick={() => router.push(href)}>Open</MenuItem>
          <MenuItem onClick={() => router.push(`${href}/chat`)}>Chat</MenuItem>
          <MenuItem
            onClick={() =>
              duplicate.mutate(
                { id: a.id },
                {
                  onSuccess: (d) => router.push(`/assistants/${encodeURIComponent(d.assistant.id)}`),
                  onError: fail,
                },
              )
            }
          >
            Duplicate
          </MenuItem>
          <MenuItem onClick={() => exp.mutate(a.id, { onSuccess: downloadExport, onError: fail })}>
            Export
          </MenuItem>
          {a.canEdit && (
            <>
              <MenuSeparator />
              <MenuItem className="text-danger" onClick={() => void onDelete()}>
                Delete
              </MenuItem>
            </>
          )}
        </MenuContent>
      </Menu>
    </span>
  );
}
