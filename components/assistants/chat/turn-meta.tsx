"use client";

import { formatCount, formatUsd } from "@/lib/format";
import { costOf, type ResolvedModel } from "@/lib/models/catalogue";
import { normaliseUsage, type TokenUsage } from "@/lib/usage";
import type { ChatTurn } from "./store";

const ms = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`;

/** The ledger's usage (`/turns`) is flat: cached and reasoning tokens beside input and output. */
function recordedUsage(raw: Record<string, unknown> | null | undefined): TokenUsage | null {
  const u = normaliseUsage(raw);
  if (!u || !raw) return u;
  const n = (v: unknown) => (typeof v === "number" ? v : 0);
  return {
    ...u,
    cached: u.cached || n(raw.cached_tokens),
    reasoning: u.reasoning || n(raw.reasoning_tokens),
  };
}

/** What one turn used, cost and took, and the version it ran: this browser's marks, or the ledger's for a reopened turn. */
export function TurnMeta({ turn, resolve }: { turn: ChatTurn; resolve(model: string): ResolvedModel }) {
  const usage = turn.stream?.usage ?? recordedUsage(turn.recorded?.usage);
  const model = turn.stream?.model ?? turn.recorded?.model ?? null;
  const cost = turn.recorded?.costUsd ?? (usage && model ? costOf(resolve(model), usage) : null);
  const t = turn.timings;
  const first = t ? (t.firstEventAt === null ? null : t.firstEventAt - t.startedAt) : turn.recorded?.ttfbMs;
  const total = t ? (t.endedAt === null ? null : t.endedAt - t.startedAt) : turn.recorded?.durationMs;
  const facts: [string, string][] = [
    ["version", turn.version === null ? "—" : `v${turn.version}`],
    ...(model ? ([["model", model]] as [string, string][]) : []),
    ...(usage
      ? ([
          [
            "input",
            `${formatCount(usage.input)}${usage.cached ? ` (${formatCount(usage.cached)} cached)` : ""}`,
          ],
          [
            "output",
            `${formatCount(usage.output)}${usage.reasoning ? ` (${formatCount(usage.reasoning)} reasoning)` : ""}`,
          ],
        ] as [string, string][])
      : []),
    ["cost", cost === null ? "—" : formatUsd(cost)],
    ["first event", ms(first)],
    ["total", ms(total)],
  ];
  return (
    <p
      className="flex flex-wrap gap-x-3 gap-y-0.5 text-muted text-xs"
      data-testid="chat-turn-meta"
      data-version={turn.version ?? ""}
    >
      {facts.map(([k, v]) => (
        <span key={k}>
          {k} <span className="font-mono text-fg tabular-nums">{v}</span>
        </span>
      ))}
      {turn.status === "stopped" && <span className="text-warning">stopped</span>}
    </p>
  );
}
