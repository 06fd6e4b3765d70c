import type { Metadata } from "next";
import { LibraryView } from "@/components/images/library/library-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Image library" };
export const dynamic = "force-dynamic";

export default async function ImageLibraryPage() {
  const user = await requireUser();
  return <LibraryView me={{ id: user.id, role: user.role }} />;
}
