"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { LineIssue, ValidationReport as Report } from "@/lib/fine-tuning/validate/run";
import { linesAround, type NumberedLine } from "@/lib/fine-tuning/validate/split";
import { formatCount, formatUsd, plural } from "@/lib/format";

/** How much of the file around an issue is read to show its neighbours. */
const WINDOW = 16 * 1024;

export interface ValidationReportProps {
  report: Report;
  /** The local file, for "show line"; absent for an uploaded file. */
  file: Blob | null;
  testId: string;
  /** The training file: epochs, billed tokens and cost; a validation file is not billed. */
  priced: boolean;
}

/** A validation's summary, its issues with the line number, and the line itself on request. */
export function ValidationReport({ report, file, testId, priced }: ValidationReportProps) {
  const [open, setOpen] = useState<LineIssue | null>(null);
  const t = report.tokens;
  const rows: [string, string][] = [
    [
      "Examples",
      `${formatCount(report.examples)}${report.blankLines ? ` (${report.blankLines} blank lines)` : ""}`,
    ],
    [
      "Tokens",
      `${formatCount(t.total)} (mean ${formatCount(Math.round(t.mean))}, max ${formatCount(t.max)})`,
    ],
    ...((priced
      ? [
          ["Epochs (auto)", String(report.epochs)],
          ["Billed tokens", formatCount(report.billedTokens)],
          ["Estimated cost", report.cost !== null ? formatUsd(report.cost) : "no price"],
        ]
      : [["Estimated cost", "not billed (validation tokens are free)"]]) as [string, string][]),
  ];
  if (t.overLimit) rows.push(["Over the limit", `${formatCount(t.overLimit)} examples (truncated)`]);
  if (report.overlap) rows.push(["Also in training", `${formatCount(report.overlap)} examples`]);
  return (
    <div className="flex min-w-0 flex-col gap-2" data-testid={testId}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm" data-testid={`${testId}-summary`}>
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="tabular-nums" data-testid={`${testId}-${k.toLowerCase().replace(/\W+/g, "-")}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm" data-testid={`${testId}-verdict`}>
        {report.errorCount === 0
          ? `No errors${report.warningCount ? `, ${plural(report.warningCount, "warning")}` : ""}.`
          : `${plural(report.errorCount, "error")}, ${plural(report.warningCount, "warning")}.`}
        {report.issuesTruncated ? ` The first ${report.issues.length} are listed.` : ""}
      </p>
      {report.issues.length > 0 && (
        <ul className="max-h-72 divide-y divide-border overflow-auto rounded-md border border-border text-sm">
          {report.issues.map((issue, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list per report
              key={i}
              className="flex flex-wrap items-baseline gap-x-2 px-2 py-1"
              data-testid="validation-issue"
              data-kind={issue.kind}
            >
              <span className={issue.severity === "error" ? "text-danger" : "text-warning"}>
                {issue.line === null ? "File" : `Line ${issue.line}`}
              </span>
              <code className="text-muted text-xs">{issue.kind}</code>
              <span className="order-last min-w-0 basis-full sm:order-none sm:basis-0 sm:flex-1">
                {issue.message}
              </span>
              {file && issue.offset !== null && (
                <Button
                  size="xs"
                  variant="ghost"
                  className="ml-auto"
                  onClick={() => setOpen(issue)}
                  data-testid="jump-to-line"
                >
                  Show line
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && file && <LineView file={file} issue={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function LineView({ file, issue, onClose }: { file: Blob; issue: LineIssue; onClose(): void }) {
  const [lines, setLines] = useState<NumberedLine[] | null>(null);
  useEffect(() => {
    let live = true;
    const offset = issue.offset ?? 0;
    const start = Math.max(0, offset - WINDOW);
    void file
      .slice(start, offset + WINDOW)
      .arrayBuffer()
      .then((buf) => {
        if (live) setLines(linesAround(new Uint8Array(buf), offset - start, issue.line ?? 1, start === 0));
      });
    return () => {
      live = false;
    };
  }, [file, issue]);
  return (
    <section
      className="min-w-0 rounded-md border border-border bg-surface-2"
      aria-label={`Line ${issue.line}`}
      data-testid="line-view"
    >
      <header className="flex items-center justify-between px-2 py-1 text-sm">
        <span>
          Line {issue.line}: {issue.message}
        </span>
        <Button size="xs" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </header>
      <pre className="max-h-64 overflow-auto px-2 pb-2 font-mono text-xs">
        {lines?.map((l) => (
          <div
            key={l.line}
            className={l.line === issue.line ? "bg-danger-soft text-danger" : "text-muted"}
            data-testid={l.line === issue.line ? "line-view-target" : undefined}
          >
            <span className="mr-2 inline-block w-12 select-none text-right">{l.line}</span>
            {l.text.length > 2000 ? `${l.text.slice(0, 2000)}…` : l.text}
          </div>
        ))}
      </pre>
    </section>
  );
}
