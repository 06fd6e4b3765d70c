"use client";

/** Several jobs' curves overlaid and their hyperparameters diffed (owner: compare part). Stub. */
export function CompareView() {
  return <h1 className="font-semibold text-xl">Compare jobs</h1>;
}
