import type { Metadata } from "next";

export const metadata: Metadata = { title: "New assistant" };

// CONTRACT STUB (issue 13): the builder part builds this page.
export default function Page() {
  return <p className="text-muted">New assistant: not built yet.</p>;
}
