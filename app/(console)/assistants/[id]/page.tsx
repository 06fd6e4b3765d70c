import type { Metadata } from "next";

export const metadata: Metadata = { title: "Assistant" };

// CONTRACT STUB (issue 13): the builder part builds this page.
export default function Page() {
  return <p className="text-muted">Assistant: not built yet.</p>;
}
