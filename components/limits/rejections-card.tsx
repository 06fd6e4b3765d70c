"use client";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { When } from "@/components/ui/when";
import { formatCount, plural } from "@/lib/format";
import { CAUSE_ADVICE, CAUSE_ORDER } from "@/lib/limits/causes";
import type { LimitsReport } from "@/lib/usage/report";

/** The last day's refusals by cause, each with what to do about it. */
export function RejectionsCard({
  rows,
  loading,
  isAdmin,
}: {
  rows: LimitsReport["rejections"];
  loading: boolean;
  isAdmin: boolean;
}) {
  const causes = CAUSE_ORDER.filter((c) => rows.some((r) => r.cause === c));
  return (
    <Card
      title="Refused calls, last 24 hours"
      description={
        isAdmin
          ? "Everyone's 429s (and 503 overloads) through Benchtop, by cause."
          : "Your own 429s (and 503 overloads) through Benchtop, by cause."
      }
      aria-label="Refused calls"
    >
      {causes.length === 0 ? (
        <EmptyState title={loading ? "Loading…" : "No refused calls"} loading={loading}>
          {!loading &&
            "When a call gets a 429 (rate limit, quota, a Benchtop budget) or the upstream is overloaded, it shows here with what to do."}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {causes.map((cause) => {
            const list = rows.filter((r) => r.cause === cause);
            const total = list.reduce((n, r) => n + r.count, 0);
            return (
              <section
                key={cause}
                data-testid="rejection-cause"
                data-cause={cause}
                aria-label={CAUSE_ADVICE[cause].title}
              >
                <h3 className="font-medium text-sm">
                  {CAUSE_ADVICE[cause].title}{" "}
                  <span className="font-normal text-muted">· {plural(total, "call")}</span>
                </h3>
                <p className="mb-2 text-muted text-xs">{CAUSE_ADVICE[cause].advice}</p>
                <ul className="divide-y divide-border rounded-md border border-border text-sm">
                  {list.map((r) => (
                    <li
                      key={`${r.code}-${r.model}`}
                      className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 px-3 py-1.5"
                      data-testid="rejection-row"
                      data-code={r.code ?? ""}
                    >
                      <span className="min-w-0 break-all">
                        <code className="text-xs">{r.code ?? "no code"}</code>
                        <span className="text-muted"> · {r.model ?? "unknown model"}</span>
                      </span>
                      <span className="text-muted text-xs">
                        <span className="text-fg tabular-nums" data-testid="rejection-count">
                          {formatCount(r.count)}×
                        </span>{" "}
                        · last <When value={r.last} />
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </Card>
  );
}
