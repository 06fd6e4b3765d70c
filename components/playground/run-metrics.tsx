"use client";

import { formatCount, formatUsd } from "@/lib/format";
import { costOf, type ResolvedModel } from "@/lib/models/catalogue";
import type { RunEntry } from "./store";

export interface RunStats {
  ttftMs: number | null;
  totalMs: number | null;
  tokensPerSecond: number | null;
  cost: number | null;
}

export function statsOf(run: RunEntry, model: ResolvedModel): RunStats {
  const t = run.timings;
  const ttftMs = t.firstTokenAt === null ? null : t.firstTokenAt - t.startedAt;
  const totalMs = t.endedAt === null ? null : t.endedAt - t.startedAt;
  const u = run.outcome.usage;
  const genMs = t.endedAt !== null && t.firstTokenAt !== null ? t.endedAt - t.firstTokenAt : null;
  const tokensPerSecond = u && genMs && genMs > 0 && u.output > 1 ? (u.output / genMs) * 1000 : null;
  const cost = u ? costOf(model, u) : null;
  return { ttftMs, totalMs, tokensPerSecond, cost };
}

const ms = (v: number | null) =>
  v === null ? "—" : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`;

const FINISH: Record<string, string> = {
  stop: "finished",
  length: "cut off by the token limit",
  tool_calls: "asked for tools",
  content_filter: "stopped by the content filter",
  failed: "failed",
  cancelled: "cancelled",
};

/** One line of what a run took and cost, each figure under a visible label. */
export function RunMetrics({
  run,
  model,
  compact = false,
}: {
  run: RunEntry;
  model: ResolvedModel;
  compact?: boolean;
}) {
  const s = statsOf(run, model);
  const u = run.outcome.usage;
  const finish = run.outcome.choices[0]?.finishReason;
  const requestId = run.headers["x-request-id"];
  // [id, visible label, full name for the tooltip, value]
  const items: [string, string, string, string][] = [
    ["ttft", "First token", "Time to first token", ms(s.ttftMs)],
    ["total", "Total", "Total time, from sending to the last byte", ms(s.totalMs)],
    [
      "tps",
      "Speed",
      "Output tokens per second after the first token",
      s.tokensPerSecond === null ? "—" : `${s.tokensPerSecond.toFixed(1)} tok/s`,
    ],
    [
      "tokens",
      "Tokens",
      "Tokens in (cached) · out (of which reasoning)",
      u
        ? `${formatCount(u.input)} in${u.cached ? ` (${formatCount(u.cached)} cached)` : ""} · ${formatCount(u.output)} out${u.reasoning ? ` (${formatCount(u.reasoning)} reasoning)` : ""}`
        : run.status === "running"
          ? "…"
          : "no usage reported",
    ],
    ["cost", "Cost", "Cost at the catalogue's prices", formatUsd(s.cost)],
  ];
  return (
    <dl
      className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-muted text-xs"
      data-testid="run-metrics"
    >
      {items.map(([id, label, title, value]) => (
        <div key={id} className="flex items-baseline gap-1 whitespace-nowrap" title={title}>
          <dt className="text-[11px] uppercase tracking-wide">{label}</dt>
          <dd className="font-medium text-fg tabular-nums" data-metric={id}>
            {value}
          </dd>
        </div>
      ))}
      {(finish || run.status === "stopped") && (
        <div className="flex flex-wrap items-baseline gap-x-2">
          <dt className="sr-only">Outcome</dt>
          {finish && (
            <dd
              data-metric="finish"
              className={finish === "length" || finish === "content_filter" ? "text-warning" : ""}
            >
              {FINISH[finish] ?? finish}
            </dd>
          )}
          {run.status === "stopped" && <dd className="text-warning">stopped — output kept</dd>}
        </div>
      )}
      {!compact && requestId && (
        <div className="flex min-w-0 items-baseline gap-1" title="Upstream request id">
          <dt className="text-[11px] uppercase tracking-wide">Request</dt>
          <dd className="truncate font-mono" data-metric="request-id">
            {requestId}
          </dd>
        </div>
      )}
    </dl>
  );
}
