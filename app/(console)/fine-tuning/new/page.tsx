import type { Metadata } from "next";
import { CreateView } from "@/components/fine-tuning/create/create-view";
import { requireUser } from "@/lib/server/auth/page";
import { getConfig } from "@/lib/server/config";

export const metadata: Metadata = { title: "New fine-tuning job" };
export const dynamic = "force-dynamic";

export default async function Page() {
  await requireUser();
  return <CreateView hostBodyLimit={getConfig().requestBodyLimit} />;
}
