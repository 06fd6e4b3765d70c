import type { Metadata } from "next";

export const metadata: Metadata = { title: "Test chat" };

// CONTRACT STUB (issue 13): the chat part builds this page.
export default function Page() {
  return <p className="text-muted">Test chat: not built yet.</p>;
}
