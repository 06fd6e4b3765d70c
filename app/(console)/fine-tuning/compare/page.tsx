import type { Metadata } from "next";
import { CompareView } from "@/components/fine-tuning/compare/compare-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Compare fine-tuning jobs" };
export const dynamic = "force-dynamic";

/** The jobs to compare are in the URL (`?jobs=ftjob-a,ftjob-b`), so a comparison is a link. */
export default async function Page() {
  await requireUser();
  return <CompareView />;
}
