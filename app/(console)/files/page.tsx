import type { Metadata } from "next";
import { FilesView } from "@/components/files/files-view";
import { requireUser } from "@/lib/server/auth/page";
import { getConfig } from "@/lib/server/config";

export const metadata: Metadata = { title: "Files" };
export const dynamic = "force-dynamic";

export default async function FilesPage() {
  await requireUser();
  return <FilesView hostBodyLimit={getConfig().requestBodyLimit} />;
}
