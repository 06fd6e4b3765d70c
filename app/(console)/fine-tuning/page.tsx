import type { Metadata } from "next";
import { JobsView } from "@/components/fine-tuning/jobs/jobs-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Fine-tuning" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const user = await requireUser();
  return <JobsView meId={user.id} />;
}
