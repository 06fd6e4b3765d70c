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
  const none = h && !h.limits.length && !h.models && !h.expiresAt && !h.tokens?.length;
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
            <PlanSummary
              title={h.tokens?.length ? "Your account" : null}
              models={h.models}
              expiresAt={h.expiresAt}
              softPercent={h.softPercent}
              now={now}
              testId="headroom"
            />
            {h.tokens?.map((t) => (
              <PlanSummary
                key={t.id}
                title={`Token ${t.name}`}
                models={t.models}
                expiresAt={t.expiresAt}
                softPercent={t.softPercent}
                now={now}
                testId="headroom-token"
              />
            ))}
          </>
        )}
      </div>
    </Card>
  );
}

/** What else judges a call: the allow-list, the expiry and when a notice comes, for the account or one token. */
function PlanSummary({
  title,
  models,
  expiresAt,
  softPercent,
  now,
  testId,
}: {
  title: string | null;
  models: string[] | null;
  expiresAt: string | null;
  softPercent: number;
  now: number;
  testId: string;
}) {
  const expired = expiresAt ? Date.parse(expiresAt) <= now : false;
  return (
    <section className="space-y-1" data-testid={`${testId}-summary`}>
      {title && <h3 className="font-medium text-sm">{title}</h3>}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted text-xs">Allowed models</dt>
          <dd data-testid={`${testId}-models`} className="break-words">
            {models
              ? models.length
                ? `${models.join(", ")} (and their dated snapshots)`
                : "None"
              : "All models"}
          </dd>
        </div>
        <div>
          <dt className="text-muted text-xs">Expires</dt>
          <dd data-testid={`${testId}-expiry`} className={expired ? "text-danger" : ""}>
            {expiresAt ? `${formatDateTime(expiresAt)}${expired ? " (expired)" : ""}` : "Never"}
          </dd>
        </div>
        <div>
          <dt className="text-muted text-xs">Notice at</dt>
          <dd>{softPercent}% of a spend budget</dd>
        </div>
      </dl>
    </section>
  );
}
