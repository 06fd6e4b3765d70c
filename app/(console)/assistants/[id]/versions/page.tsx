import type { Metadata } from "next";

export const metadata: Metadata = { title: "Versions" };

// CONTRACT STUB (issue 13): the versions part builds this page.
export default function Page() {
  return <p className="text-muted">Versions: not built yet.</p>;
}
