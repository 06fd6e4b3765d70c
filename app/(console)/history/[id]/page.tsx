import type { Metadata } from "next";
import { RunView } from "@/components/history/run-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Run · History" };
export const dynamic = "force-dynamic";

export default async function HistoryRunPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  return <RunView id={(await params).id} />;
}
