"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { queryKeys } from "@/lib/query-keys";
import { LIMITS, type ShareDto, type ShareKind } from "@/lib/types";

export interface ShareLinkDialogProps {
  kind: ShareKind;
  /** Read when the link is created: what the link will show. */
  snapshot(): unknown | Promise<unknown>;
  description: string;
  titlePlaceholder: string;
  canSharePublicly: boolean;
  onClose(): void;
}

/**
 * Freezes a snapshot under an unguessable link (the same share links for every kind); lists and
 * revokes the user's earlier links of that kind.
 */
export function ShareLinkDialog({
  kind,
  snapshot,
  description,
  titlePlaceholder,
  canSharePublicly,
  onClose,
}: ShareLinkDialogProps) {
  const qc = useQueryClient();
  const [title, setTitle] = useState("");
  const [isPublic, setPublic] = useState(false);
  const mine = useQuery({
    queryKey: queryKeys.shares,
    queryFn: ({ signal }) => apiFetch<{ data: ShareDto[] }>("/api/shares", { signal }),
  });
  const create = useMutation<{ share: ShareDto }, ApiError>({
    mutationFn: async () =>
      apiFetch("/api/shares", {
        body: { kind, title, public: isPublic, snapshot: await snapshot() },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.shares }),
  });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/shares/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.shares }),
  });
  const link = create.data ? `${window.location.origin}${create.data.share.url}` : null;
  const links = mine.data?.data.filter((s) => s.kind === kind) ?? [];
  return (
    <Dialog title="Share" description={description} onClose={onClose} size="md">
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
              maxLength={LIMITS.shareTitle}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={titlePlaceholder}
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
            <Button type="submit" variant="primary" disabled={create.isPending} data-testid="create-share">
              Create link
            </Button>
          </div>
        </form>
      )}
      {create.error && (
        <p role="alert" className="text-danger text-xs">
          {create.error.message}
        </p>
      )}
      {links.length > 0 && (
        <div className="space-y-1">
          <h3 className="label">Your links</h3>
          <ul
            className="max-h-56 divide-y divide-border overflow-y-auto rounded-md border border-border text-xs"
            data-testid="share-list"
          >
            {links.map((s) => (
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
                  <Button
                    variant="ghost"
                    className="h-6 px-2 text-danger text-xs"
                    onClick={() => revoke.mutate(s.id)}
                    data-testid="revoke-share"
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
