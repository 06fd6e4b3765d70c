"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DiffModeSwitch } from "@/components/ui/diff-mode-switch";
import { DiffTable, TextDiff } from "@/components/ui/text-diff";
import { diffSetups, outputText } from "@/lib/history/diff";
import { usePlayground } from "./store";
import { setupFor } from "./use-run";

export interface CompareDiffDialogProps {
  columns: { id: string; n: number }[];
  onClose(): void;
}

/** Two columns' outputs as a word or line diff, their setups as a table of differences. */
export function CompareDiffDialog({ columns, onClose }: CompareDiffDialogProps) {
  const [a, setA] = useState(columns[0]?.id ?? "");
  const [b, setB] = useState(columns[1]?.id ?? "");
  const [mode, setMode] = useState<"words" | "lines">("words");
  const runs = usePlayground((s) => s.runs);
  const ra = runs[a];
  const rb = runs[b];
  const sa = setupFor(a);
  const sb = setupFor(b);
  const text = (r: typeof ra) =>
    r ? outputText({ choices: r.outcome.choices, error: r.error ? { message: r.error.message } : null }) : "";
  const pick = (value: string, set: (id: string) => void, label: string) => (
    <select
      aria-label={label}
      className="input h-7 w-auto text-xs"
      value={value}
      onChange={(e) => set(e.target.value)}
    >
      {columns.map((c) => (
        <option key={c.id} value={c.id}>
          Column {c.n}
        </option>
      ))}
    </select>
  );
  return (
    <Dialog title="Diff of two columns" onClose={onClose} size="lg">
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="compare-diff-dialog">
        {pick(a, setA, "First column")}
        <span className="text-muted">against</span>
        {pick(b, setB, "Second column")}
        <span className="ml-auto">
          <DiffModeSwitch mode={mode} onChange={setMode} />
        </span>
      </div>
      <TextDiff before={text(ra)} after={text(rb)} mode={mode} />
      {sa && sb && <DiffTable rows={diffSetups(sa, sb)} labels={["First", "Second"]} />}
    </Dialog>
  );
}
