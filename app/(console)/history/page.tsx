import type { Metadata } from "next";
import { HistoryView } from "@/components/history/history-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "History" };
export const dynamic = "force-dynamic";

export default async function HistoryPage() {
  await requireUser();
  return <HistoryView />;
}
