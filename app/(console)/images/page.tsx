import type { Metadata } from "next";
import { StudioView } from "@/components/images/studio-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Images" };
export const dynamic = "force-dynamic";

export default async function ImagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  const edit = (await searchParams).edit;
  return <StudioView editId={typeof edit === "string" ? edit : null} />;
}
