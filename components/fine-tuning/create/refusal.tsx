"use client";

import Link from "next/link";
import type { Refusal } from "@/lib/fine-tuning/availability";

/** Why the upstream did not create the job, in words, and what still works. */
export function RefusalPanel({
  refusal,
  raw,
}: {
  refusal: Refusal;
  raw: { code: string | null; message: string };
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm"
      data-testid="create-refusal"
      data-kind={refusal.kind}
    >
      <p className="font-medium text-danger" data-testid="create-refusal-title">
        {refusal.title}
      </p>
      <p className="mt-1" data-testid="create-refusal-reason">
        {refusal.reason}
      </p>
      {refusal.stillWorks.length > 0 && (
        <div className="mt-2" data-testid="create-refusal-still-works">
          <p className="font-medium">What still works</p>
          <ul className="mt-1 list-disc pl-5">
            {refusal.stillWorks.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <p className="mt-2 flex flex-wrap gap-3">
            <Link className="underline" href="/fine-tuning">
              Job history
            </Link>
            <Link className="underline" href="/playground">
              Playground
            </Link>
            <Link className="underline" href="/settings">
              Settings
            </Link>
          </p>
        </div>
      )}
      <p className="mt-2 font-mono text-muted text-xs">
        {raw.code ?? "no code"}: {raw.message}
      </p>
    </div>
  );
}
