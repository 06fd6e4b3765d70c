"use client";

/** The jobs list (owner: jobs part). Stub. */
export function JobsView(_: { meId: string }) {
  return <h1 className="font-semibold text-xl">Fine-tuning</h1>;
}
