"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { When } from "@/components/ui/when";
import { apiFetch } from "@/lib/api-client";
import { deleteConversation, listConversations } from "@/lib/assistants/client";
import { queryKeys } from "@/lib/query-keys";

export interface ConversationsListProps {
  assistantId: string;
  current: string | null;
  onOpen(id: string): void;
  onNew(): void;
}

/** Past conversations with this assistant (Benchtop's index); open one, delete one (upstream too), or start anew. */
export function ConversationsList({ assistantId, current, onOpen, onNew }: ConversationsListProps) {
  const qc = useQueryClient();
  const [confirm, confirmDialog] = useConfirm();
  const list = useQuery({
    queryKey: queryKeys.assistantConversations(assistantId),
    queryFn: () => listConversations(assistantId),
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      // Upstream first: the index entry is what lets anyone find it again.
      await apiFetch(`/api/v1/conversations/${encodeURIComponent(id)}`, { method: "DELETE" }).catch((e) => {
        if ((e as { status?: number }).status !== 404) throw e;
      });
      await deleteConversation(assistantId, id);
    },
    onSuccess: (_, id) => {
      if (id === current) onNew();
      return qc.invalidateQueries({ queryKey: queryKeys.assistantConversations(assistantId) });
    },
  });
  const ask = async (id: string, title: string) => {
    const ok = await confirm({
      title: "Delete this conversation?",
      description: `“${title}” and its items are deleted upstream and leave this list. This cannot be undone.`,
      confirmLabel: "Delete",
      danger: true,
    });
    if (ok) remove.mutate(id);
  };
  return (
    <nav aria-label="Conversations" className="space-y-2">
      <Button size="sm" className="w-full" onClick={onNew} data-testid="chat-new">
        New conversation
      </Button>
      {list.isLoading && <p className="text-muted text-xs">Loading…</p>}
      {list.error && (
        <p className="text-danger text-xs">Could not list conversations: {list.error.message}</p>
      )}
      {remove.error && <p className="text-danger text-xs">Could not delete: {remove.error.message}</p>}
      <ul className="space-y-1">
        {(list.data ?? []).map((c) => (
          <li
            key={c.id}
            data-testid="chat-conversation"
            data-id={c.id}
            className={`group flex items-center gap-1 rounded-md px-2 py-1 text-sm ${c.id === current ? "bg-accent-soft" : "hover:bg-surface-2"}`}
          >
            <button
              type="button"
              className="min-w-0 flex-1 text-left"
              onClick={() => onOpen(c.id)}
              aria-current={c.id === current ? "true" : undefined}
            >
              <span className="block truncate">{c.title || "Untitled"}</span>
              <span className="block text-muted text-xs">
                <When value={c.lastUsedAt} /> · {c.turns} turn{c.turns === 1 ? "" : "s"}
                {c.version !== null ? ` · v${c.version}` : ""}
              </span>
            </button>
            <Button
              size="xs"
              variant="ghost"
              aria-label={`Delete “${c.title}”`}
              onClick={() => void ask(c.id, c.title)}
              data-testid="chat-conversation-delete"
            >
              Delete
            </Button>
          </li>
        ))}
      </ul>
      {confirmDialog}
    </nav>
  );
}
