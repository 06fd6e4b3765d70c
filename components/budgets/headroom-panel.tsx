"use client";

import { useHeadroom } from "@/components/queries/use-limits";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useNow } from "@/components/ui/use-now";
import { formatDateTime } from "@/lib/format";
import { LimitBar } from "./limit-bar";

/** The signed-in person's budgets and limits with what is left; the Limits page mounts it at the top. */
export function HeadroomPanel() {
  const room = useHeadroom();
  const now = useNow();
  const h = room.data;
  const none = h && !h.limits.length && !h.models && !h.expiresAt;
  const expired = h?.expiresAt ? Date.parse(h.expiresAt) <= now : false;
  return (
    <Card
      title="Your budgets and limits"
      description="What Benchtop lets your calls spend and send, and how much is left. Used is settled; reserved is held by calls still running."
      aria-label="Your budgets and limits"
    >
      <div data-testid="headroom" className="space-y-4">
        {room.isPending && <EmptyState title="Loading your limits…" loading />}
        {room.error && <Alert tone="danger">{room.error.message}</Alert>}
        {none && (
          <EmptyState title="No limits set">
            Your calls are limited only by the upstream's own rate limits. An admin can set budgets in
            Settings.
          </EmptyState>
        )}
        {h && !none && (
          <>
            {h.limits.map((l) => (
              <LimitBar
                key={`${l.code}-${l.window}-${l.subject.kind}`}
                limit={l}
                softPercent={h.softPercent}
                now={now}
              />
            ))}
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-muted text-xs">Allowed models</dt>
                <dd data-testid="headroom-models" className="break-words">
                  {h.models
                    ? h.models.length
                      ? `${h.models.join(", ")} (and their dated snapshots)`
                      : "None"
                    : "All models"}
                </dd>
              </div>
              <div>
                <dt className="text-muted text-xs">Expires</dt>
                <dd data-testid="headroom-expiry" className={expired ? "text-danger" : ""}>
                  {h.expiresAt ? `${formatDateTime(h.expiresAt)}${expired ? " (expired)" : ""}` : "Never"}
                </dd>
              </div>
              <div>
                <dt className="text-muted text-xs">You are told at</dt>
                <dd>{h.softPercent}% of a spend budget</dd>
              </div>
            </dl>
          </>
        )}
      </div>
    </Card>
  );
}
