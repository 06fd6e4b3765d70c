"use client";

/** Create a job, with the data validated before upload (owner: create part). Stub. */
export function CreateView() {
  return <h1 className="font-semibold text-xl">New fine-tuning job</h1>;
}
