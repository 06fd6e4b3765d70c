"use client";

/** One job's page (owner: jobs part). Stub. */
export function JobView({ id }: { id: string; meId: string }) {
  return <h1 className="font-semibold text-xl">{id}</h1>;
}
