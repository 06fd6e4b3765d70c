import type { Metadata } from "next";
import { RunDiff } from "@/components/history/run-diff";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Diff · History" };
export const dynamic = "force-dynamic";

export default async function HistoryDiffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  const { a, b } = await searchParams;
  return <RunDiff a={typeof a === "string" ? a : ""} b={typeof b === "string" ? b : ""} />;
}
