"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import type { PlaygroundSnapshot } from "@/lib/playground/snapshot";
import { queryKeys } from "@/lib/query-keys";
import type { ShareDto } from "@/lib/types";
import { MAIN, usePlayground } from "./store";

export function currentSnapshot(): PlaygroundSnapshot {
  const s = usePlayground.getState();
  const outputs: PlaygroundSnapshot["outputs"] = {};
  const targets = new Set([MAIN, ...(s.compare ? s.columns.map((c) => c.id) : [])]);
  for (const [target, run] of Object.entries(s.runs)) {
    if (run.status === "running" || !targets.has(target)) continue;
    outputs[target] = {
      model: run.model,
      choices: run.outcome.choices,
      usage: run.outcome.usage,
      error: run.error?.message ?? null,
    };
  }
  return { version: 1, setup: s.setup, compare: s.compare, columns: s.compare ? s.columns : [], outputs };
}

/** Freezes the current setup and outputs under an unguessable link; lists and revokes earlier links. */
export function ShareDialog({ canSharePublicly, onClose }: { canSharePublicly: boolean; onClose(): void }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState("");
  const [isPublic, setPublic] = useState(false);
  const mine = useQuery({
    queryKey: queryKeys.shares,
    queryFn: ({ signal }) => apiFetch<{ data: ShareDto[] }>("/api/shares", { signal }),
  });
  const create = useMutation<{ share: ShareDto }, ApiError>({
    mutationFn: () =>
      apiFetch("/api/shares", {
        body: { kind: "playground", title, public: isPublic, snapshot: currentSnapshot() },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.shares }),
  });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/shares/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.shares }),
  });
  const link = create.data ? `${window.location.origin}${create.data.share.url}` : null;
  const playground = mine.data?.data.filter((s) => s.kind === "playground") ?? [];
  return (
    <Dialog
      title="Share"
      description="A read-only copy of this setup and its outputs. Later edits do not change it; teammates can open it in their own playground."
      onClose={onClose}
      size="md"
    >
      {link ? (
        <div className="space-y-2">
          <p className="text-sm">Link created:</p>
          <div className="flex items-center gap-2">
            <input
              readOnly
              className="input h-8 min-w-0 flex-1 font-mono text-xs"
              value={link}
              aria-label="Share link"
              data-testid="share-link"
              onFocus={(e) => e.target.select()}
            />
            <CopyButton value={link} />
          </div>
        </div>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <label className="block space-y-1 text-xs">
            <span className="label">Title (optional)</span>
            <input
              className="input h-8 w-full"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="What this run shows"
            />
          </label>
          <label className={`flex items-center gap-2 text-xs ${canSharePublicly ? "" : "text-muted"}`}>
            <input
              type="checkbox"
              disabled={!canSharePublicly}
              checked={isPublic}
              onChange={(e) => setPublic(e.target.checked)}
            />
            Anyone with the link, without signing in
            {!canSharePublicly && " (an admin has not allowed public links)"}
          </label>
          <div className="flex justify-end">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={create.isPending}
              data-testid="create-share"
            >
              Create link
            </button>
          </div>
        </form>
      )}
      {create.error && (
        <p role="alert" className="text-danger text-xs">
          {create.error.message}
        </p>
      )}
      {playground.length > 0 && (
        <div className="space-y-1">
          <h3 className="label">Your links</h3>
          <ul
            className="max-h-56 divide-y divide-border overflow-y-auto rounded-md border border-border text-xs"
            data-testid="share-list"
          >
            {playground.map((s) => (
              <li key={s.id} className="flex items-center gap-2 px-2 py-1.5">
                <a
                  href={s.url}
                  className="min-w-0 flex-1 truncate hover:underline"
                  target="_blank"
                  rel="noreferrer"
                >
                  {s.title || s.id.slice(0, 10)}
                </a>
                <span className="text-muted">{s.views} views</span>
                {s.public && <span className="text-warning">public</span>}
                {s.revokedAt ? (
                  <span className="text-muted">revoked</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-ghost h-6 px-2 text-danger text-xs"
                    onClick={() => revoke.mutate(s.id)}
                    data-testid="revoke-share"
                  >
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
