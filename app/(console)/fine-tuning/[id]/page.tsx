import type { Metadata } from "next";
import { JobView } from "@/components/fine-tuning/job/job-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Fine-tuning job" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return <JobView id={id} meId={user.id} />;
}
