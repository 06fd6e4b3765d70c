import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatDateTime, formatUsd } from "@/lib/format";
import type { HistoryRunStatus, HistoryRunSummary } from "@/lib/history/schema";
import { API_SHORT_LABELS, type Api } from "@/lib/openai-facts";

export const STATUS: Record<HistoryRunStatus, { label: string; tone: "success" | "warning" | "danger" }> = {
  done: { label: "completed", tone: "success" },
  stopped: { label: "stopped", tone: "warning" },
  error: { label: "failed", tone: "danger" },
};

export const apiLabel = (api: string) => API_SHORT_LABELS[api as Api] ?? api;

export function tokensOf(r: Pick<HistoryRunSummary, "inputTokens" | "outputTokens">): string {
  return r.inputTokens === null
    ? "no usage"
    : `${formatCount(r.inputTokens)} in · ${formatCount(r.outputTokens ?? 0)} out`;
}

export interface HistoryRowProps {
  run: HistoryRunSummary;
  selected: boolean;
  /** False when two others are already selected for a diff. */
  selectable: boolean;
  onSelect(on: boolean): void;
}

/** One run in the list: when, which model and API, the input's first line, the output's, and what it took. */
export function HistoryRow({ run, selected, selectable, onSelect }: HistoryRowProps) {
  const status = STATUS[run.status];
  return (
    <li className="flex gap-3 border-border border-t px-3 py-2.5 first:border-t-0" data-testid="history-row">
      <input
        type="checkbox"
        className="mt-1 shrink-0"
        aria-label={`Select the run of ${formatDateTime(run.createdAt)} for a diff`}
        checked={selected}
        disabled={!selected && !selectable}
        onChange={(e) => onSelect(e.target.checked)}
        data-testid="history-select"
      />
      <Link href={`/history/${run.id}`} className="min-w-0 flex-1 rounded-md" data-testid="history-open">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted text-xs">
          <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
          <span className="font-mono text-fg">{run.model}</span>
          <span>{apiLabel(run.api)}</span>
          {run.target !== "main" && <span>compare column</span>}
          <Badge tone={status.tone}>{status.label}</Badge>
          <span className="sm:hidden">
            {tokensOf(run)} · {formatUsd(run.cost)}
          </span>
        </div>
        <p className="mt-1 truncate font-medium text-sm" data-testid="history-input">
          {run.inputPreview || <span className="text-muted italic">empty input</span>}
        </p>
        <p className="truncate text-muted text-sm" data-testid="history-output">
          {run.outputPreview || <span className="italic">no output</span>}
        </p>
      </Link>
      <div className="hidden shrink-0 text-right text-muted text-xs sm:block">
        <div>{tokensOf(run)}</div>
        <div>{formatUsd(run.cost)}</div>
      </div>
    </li>
  );
}
