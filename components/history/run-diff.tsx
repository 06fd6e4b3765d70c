"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { DiffModeSwitch } from "@/components/ui/diff-mode-switch";
import { EmptyState } from "@/components/ui/empty-state";
import { DiffTable, TextDiff } from "@/components/ui/text-diff";
import { formatDateTime } from "@/lib/format";
import { diffSetups, outputText } from "@/lib/history/diff";
import type { HistoryRunDto } from "@/lib/history/schema";
import { useHistoryRun } from "./use-history";

/** Two runs side by side: their outputs as a word or line diff, their setups as a table of differences. */
export function RunDiff({ a, b }: { a: string; b: string }) {
  const qa = useHistoryRun(a);
  const qb = useHistoryRun(b);
  if (qa.isLoading || qb.isLoading) return <EmptyState title="Loading the runs…" loading />;
  if (!qa.data || !qb.data)
    return (
      <div className="mx-auto max-w-lg py-10 text-center" data-testid="run-missing">
        <h1 className="font-semibold text-lg">A run is missing</h1>
        <p className="text-muted text-sm">{(qa.error ?? qb.error)?.message}</p>
      </div>
    );
  return <Diff a={qa.data} b={qb.data} />;
}

const label = (r: HistoryRunDto) => `${r.model} · ${formatDateTime(r.createdAt)}`;

function Diff({ a, b }: { a: HistoryRunDto; b: HistoryRunDto }) {
  const [mode, setMode] = useState<"words" | "lines">("words");
  const rows = useMemo(() => (a.setup && b.setup ? diffSetups(a.setup, b.setup) : []), [a.setup, b.setup]);
  return (
    <article className="mx-auto max-w-5xl space-y-4" data-testid="run-diff">
      <Link href="/history" className="text-muted text-sm hover:text-fg">
        ← History
      </Link>
      <h1 className="font-semibold text-xl">Diff of two runs</h1>
      <ol className="space-y-1 text-sm">
        <li>
          <span className="mr-1 rounded bg-danger-soft px-1 text-danger">A</span>
          <Link href={`/history/${a.id}`} className="font-mono underline-offset-2 hover:underline">
            {label(a)}
          </Link>
        </li>
        <li>
          <span className="mr-1 rounded bg-success-soft px-1 text-success">B</span>
          <Link href={`/history/${b.id}`} className="font-mono underline-offset-2 hover:underline">
            {label(b)}
          </Link>
        </li>
      </ol>
      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-medium text-sm">Output</h2>
          <DiffModeSwitch mode={mode} onChange={setMode} />
        </div>
        <TextDiff before={outputText(a.output)} after={outputText(b.output)} mode={mode} />
      </section>
      <section className="space-y-2">
        <h2 className="font-medium text-sm">Setup and parameters</h2>
        <DiffTable rows={rows} labels={["A", "B"]} />
      </section>
    </article>
  );
}
