"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DiffModeSwitch } from "@/components/ui/diff-mode-switch";
import { DiffTable, TextDiff } from "@/components/ui/text-diff";
import { diffSetups, outputText } from "@/lib/history/diff";
import { usePlayground } from "./store";
import { setupFor } from "./use-run";

/** "Diff" in the compare view: two columns' outputs as a text diff, their setups as a table. */
export function CompareDiff() {
  // Columns whose last run finished with something to compare, as "id:number" text so the
  // selector returns a stable value between renders.
  const key = usePlayground((s) =>
    s.columns
      .map((c, i) => ({ id: c.id, n: i + 1, run: s.runs[c.id] }))
      .filter((c) => c.run && c.run.status !== "running" && (c.run.outcome.choices.length || c.run.error))
      .map((c) => `${c.id}:${c.n}`)
      .join(","),
  );
  const ready = key
    ? key.split(",").map((p) => ({ id: p.split(":")[0] ?? "", n: Number(p.split(":")[1]) }))
    : [];
  const [open, setOpen] = useState(false);
  if (ready.length < 2) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="compare-diff">
        Diff
      </Button>
      {open && <CompareDiffDialog columns={ready} onClose={() => setOpen(false)} />}
    </>
  );
}

function CompareDiffDialog({ columns, onClose }: { columns: { id: string; n: number }[]; onClose(): void }) {
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
