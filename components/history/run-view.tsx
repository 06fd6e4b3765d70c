"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatDateTime, formatUsd } from "@/lib/format";
import type { HistoryRunDto } from "@/lib/history/schema";
import { ConfirmDelete } from "./confirm-delete";
import { apiLabel, STATUS } from "./history-row";
import { RunInput, RunOutput } from "./run-parts";
import { useDeleteRuns, useHistoryRun } from "./use-history";

const ms = (v: number | null) => (v === null ? "—" : v < 1000 ? `${v} ms` : `${(v / 1000).toFixed(2)} s`);

/** One run: metrics, input, output (Markdown) and the exact request; reopen, rerun or delete it. */
export function RunView({ id }: { id: string }) {
  const q = useHistoryRun(id);
  if (q.isLoading) return <EmptyState title="Loading the run…" loading />;
  if (!q.data)
    return (
      <div className="mx-auto max-w-lg space-y-3 py-10 text-center" data-testid="run-missing">
        <h1 className="font-semibold text-lg">Run not found</h1>
        <p className="text-muted text-sm">{q.error?.message ?? "It may have been deleted, or expired."}</p>
        <Link href="/history" className={buttonClass()}>
          Back to history
        </Link>
      </div>
    );
  return <Run run={q.data} />;
}

function Run({ run }: { run: HistoryRunDto }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const remove = useDeleteRuns(() => router.push("/history"));
  const status = STATUS[run.status];
  const u = run.usage;
  const facts: [string, string][] = [
    ["Total time", ms(run.totalMs)],
    ["Time to first token", ms(run.ttftMs)],
    [
      "Tokens",
      u
        ? `${formatCount(u.input)} in${u.cached ? ` (${formatCount(u.cached)} cached)` : ""} · ${formatCount(u.output)} out${u.reasoning ? ` (${formatCount(u.reasoning)} reasoning)` : ""}`
        : "no usage reported",
    ],
    ["Cost", formatUsd(run.cost)],
    ["HTTP status", run.httpStatus === null ? "—" : String(run.httpStatus)],
    ["Request id", run.output.requestId ?? "—"],
  ];
  return (
    <article className="mx-auto max-w-5xl space-y-4" data-testid="run-view">
      <Link href="/history" className="text-muted text-sm hover:text-fg">
        ← History
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="break-all font-mono font-semibold text-lg">{run.model}</h1>
          <p className="flex flex-wrap items-center gap-2 text-muted text-sm">
            <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
            <span>{apiLabel(run.api)}</span>
            {run.target !== "main" && <span>compare column</span>}
            <Badge tone={status.tone}>{status.label}</Badge>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/playground?history=${run.id}`} className={buttonClass()} data-testid="run-reopen">
            Open in playground
          </Link>
          <Link
            href={`/playground?history=${run.id}&rerun=1`}
            className={buttonClass({ variant: "primary" })}
            data-testid="run-rerun"
          >
            Rerun
          </Link>
          <Button variant="danger" onClick={() => setConfirm(true)} data-testid="run-delete">
            Delete
          </Button>
        </div>
      </header>
      <dl
        className="grid grid-cols-2 gap-x-4 gap-y-2 rounded-lg border border-border bg-surface p-3 text-sm sm:grid-cols-3"
        data-testid="run-facts"
      >
        {facts.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-muted text-xs">{label}</dt>
            <dd className="truncate font-mono text-xs" title={value}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <section className="space-y-2">
        <h2 className="font-medium text-sm">Input</h2>
        {run.setup ? (
          <RunInput setup={run.setup} />
        ) : (
          <p className="text-muted text-sm">This version cannot show the setup ({run.setupProblem}).</p>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="font-medium text-sm">Output</h2>
        <RunOutput output={run.output} />
      </section>
      <section className="space-y-2">
        <h2 className="font-medium text-sm">
          Request <span className="font-mono text-muted text-xs">POST /v1{run.request.path}</span>
        </h2>
        <CodeBlock code={run.request.text} lang="json" label="Request body, exactly as sent" />
      </section>
      {confirm && (
        <ConfirmDelete
          title="Delete this run?"
          onCancel={() => setConfirm(false)}
          onConfirm={() => remove.mutate(run.id)}
          pending={remove.isPending}
          error={remove.error?.message}
        >
          It leaves your history for good.
        </ConfirmDelete>
      )}
    </article>
  );
}
