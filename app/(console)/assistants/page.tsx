import type { Metadata } from "next";

export const metadata: Metadata = { title: "Assistants" };

// CONTRACT STUB (issue 13): the list part builds this page.
export default function Page() {
  return <p className="text-muted">Assistants: not built yet.</p>;
}
