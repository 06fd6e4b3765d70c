"use client";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RemainingBar } from "@/components/ui/remaining-bar";
import { When } from "@/components/ui/when";
import { formatCount } from "@/lib/format";
import type { RateLimitRow } from "@/lib/usage/report";
import { Countdown } from "./countdown";

/** The latest x-ratelimit-* values per model: one row per kind with its bar and live countdown. */
export function RateLimitsCard({ rows, loading }: { rows: RateLimitRow[]; loading: boolean }) {
  const models = [...new Set(rows.map((r) => r.model))];
  return (
    <Card
      title="Rate limits"
      description="The team's: every call through Benchtop shares one API key, and OpenAI counts its limits per key and model, not per person. Values are what the last answer for each model said."
      aria-label="Rate limits"
    >
      {models.length === 0 ? (
        <EmptyState title={loading ? "Loading…" : "No rate limits seen yet"} loading={loading}>
          {!loading &&
            "OpenAI sends them with each model call. Run a prompt in the playground (or any call through Benchtop) and they appear here."}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {models.map((model) => (
            <section key={model} aria-label={model} data-testid="rate-limit-model" data-model={model}>
              <h3 className="mb-1 break-all font-medium font-mono text-sm">{model}</h3>
              <ul className="divide-y divide-border rounded-md border border-border">
                {rows
                  .filter((r) => r.model === model)
                  .map((r) => (
                    <li
                      key={r.kind}
                      className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-3 py-2 text-sm sm:grid-cols-[8rem_minmax(6rem,1fr)_9rem_8.5rem_minmax(0,10rem)]"
                      data-testid="rate-limit-row"
                      data-kind={r.kind}
                    >
                      <span className="font-medium">{r.kind.replaceAll("_", " ")}</span>
                      <span className="text-right text-muted text-xs tabular-nums sm:order-3 sm:text-sm">
                        <span data-testid="remaining">
                          {r.remaining === null ? "—" : formatCount(r.remaining)}
                        </span>
                        {" / "}
                        <span data-testid="limit">{r.limit === null ? "—" : formatCount(r.limit)}</span>
                      </span>
                      <div className="col-span-2 sm:order-2 sm:col-span-1">
                        <RemainingBar limit={r.limit} remaining={r.remaining} />
                      </div>
                      <span className="whitespace-nowrap text-xs sm:order-4 sm:text-sm">
                        <Countdown
                          resetsAt={r.resetsAt}
                          prefix={<span className="text-muted">resets in </span>}
                        />
                      </span>
                      <When
                        value={r.observedAt}
                        className="truncate text-right text-muted text-xs sm:order-5"
                      />
                    </li>
                  ))}
              </ul>
            </section>
          ))}
          <p className="text-muted text-xs">
            Resets count down from when each value was seen. OpenAI sends these headers for requests and
            tokens only (none for images, audio or daily limits); other kinds appear when a gateway sends
            them.
          </p>
        </div>
      )}
    </Card>
  );
}
