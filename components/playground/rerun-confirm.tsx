"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { usePlayground } from "./store";

/**
 * Asked when Run is pressed (button or Ctrl/⌘+Enter) while this target's run is in flight: a second
 * call is billed too, so it never starts silently. Focus lands on the harmless answer; Esc still
 * stops the run (and with it the question).
 */
export function RerunConfirm({ target, onReplace }: { target: string; onReplace(): void }) {
  const asking = usePlayground((s) => s.asking.includes(target));
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (asking) box.current?.querySelector<HTMLButtonElement>("[data-keep]")?.focus();
  }, [asking]);
  if (!asking) return null;
  const dismiss = () => usePlayground.getState().setAsking(target, false);
  return (
    <fieldset
      ref={box}
      aria-label="Run in progress"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
      data-testid="rerun-confirm"
    >
      <span className="mr-auto">A run is in progress — a second one is billed too.</span>
      <Button size="sm" variant="danger" onClick={onReplace}>
        Stop it and run again
      </Button>
      <Button size="sm" onClick={dismiss} data-keep>
        Keep waiting
      </Button>
    </fieldset>
  );
}
