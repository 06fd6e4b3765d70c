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

/** One line of what a run took and cost; each figure labelled for screen readers. */
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
  const items: [string, string, string][] = [
    ["ttft", "Time to first token", ms(s.ttftMs)],
    ["total", "Total time", ms(s.totalMs)],
    ["tps", "Tokens per second", s.tokensPerSecond === null ? "—" : `${s.tokensPerSecond.toFixed(1)} tok/s`],
    [
      "tokens",
      "Tokens in / out",
      u
        ? `${formatCount(u.input)} in${u.cached ? ` (${formatCount(u.cached)} cached)` : ""} · ${formatCount(u.output)} out${u.reasoning ? ` (${formatCount(u.reasoning)} reasoning)` : ""}`
        : run.status === "running"
          ? "…"
          : "no usage reported",
    ],
    ["cost", "Cost", formatUsd(s.cost)],
  ];
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-muted text-xs" data-testid="run-metrics">
      {items.map(([id, label, value]) => (
        <span key={id} data-metric={id} title={label}>
          <span className="sr-only">{label}: </span>
          {value}
        </span>
      ))}
      {finish && (
        <span
          data-metric="finish"
          className={finish === "length" || finish === "content_filter" ? "text-warning" : ""}
        >
          {FINISH[finish] ?? finish}
        </span>
      )}
      {run.status === "stopped" && <span className="text-warning">stopped — output kept</span>}
      {!compact && requestId && (
        <span className="font-mono" data-metric="request-id" title="Upstream request id">
          {requestId}
        </span>
      )}
    </div>
  );
}
