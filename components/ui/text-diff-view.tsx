"use client";

import { diffLines, diffWords } from "diff";
import { useMemo } from "react";
import type { TextDiffProps } from "./text-diff";

/** The diff itself (jsdiff); loaded through text-diff.tsx so no route's first load carries it. */
export function TextDiffView({ before, after, mode }: TextDiffProps) {
  const parts = useMemo(
    () => (mode === "lines" ? diffLines(before, after) : diffWords(before, after)),
    [before, after, mode],
  );
  const added = parts.filter((p) => p.added).length;
  const removed = parts.filter((p) => p.removed).length;
  return (
    <div data-testid="text-diff">
      <p className="mb-1 text-muted text-xs" data-testid="text-diff-summary">
        {added || removed ? `${added} added, ${removed} removed` : "No differences"}
      </p>
      <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md border border-border bg-surface p-3 font-mono text-xs leading-relaxed">
        {parts.map((p, i) =>
          p.added ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their order.
            <ins key={i} className="bg-success-soft text-success no-underline" data-diff="added">
              {p.value}
            </ins>
          ) : p.removed ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <del key={i} className="bg-danger-soft text-danger line-through" data-diff="removed">
              {p.value}
            </del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <span key={i}>{p.value}</span>
          ),
        )}
      </pre>
    </div>
  );
}
