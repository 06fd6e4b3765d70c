"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";
import { usePlayground } from "./store";

// The dialog, the diff and the setup table load when the Diff button is first pressed.
const CompareDiffDialog = lazyComponent(() =>
  import("./compare-diff-dialog").then((m) => m.CompareDiffDialog),
);

/** "Diff" in the compare view, shown once two columns have results. */
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
