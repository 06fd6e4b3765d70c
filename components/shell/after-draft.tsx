"use client";

import { type ReactNode, startTransition, useEffect, useState } from "react";

export interface AfterDraftProps {
  /** Read to screen readers while waiting: "Loading the playground". */
  label: string;
  /** A heading for the page while waiting, for screen readers. */
  heading?: string;
  children: ReactNode;
}

/**
 * A page whose draft lives in localStorage renders once the browser has it (no flash of a blank
 * draft). A transition: React renders the page in slices, so mounting a long draft never blocks input.
 */
export function AfterDraft({ label, heading, children }: AfterDraftProps) {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  if (ready) return children;
  return (
    <div className="animate-pulse space-y-3" role="status" aria-busy="true" aria-label={label}>
      {heading && <h1 className="sr-only">{heading}</h1>}
      <div className="h-9 rounded-lg bg-surface-2" />
      <div className="h-64 rounded-lg bg-surface-2" />
    </div>
  );
}
