import type { Metadata } from "next";
import { VersionsView } from "@/components/assistants/versions/versions-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Versions" };
export const dynamic = "force-dynamic";

export default async function VersionsPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  return <VersionsView id={id} />;
}
