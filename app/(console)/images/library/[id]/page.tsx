import type { Metadata } from "next";
import { ImageDetail } from "@/components/images/library/image-detail";
import { requireUser } from "@/lib/server/auth/page";
import { getPublicShareLinks } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Image" };
export const dynamic = "force-dynamic";

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return (
    <ImageDetail
      id={id}
      me={{ id: user.id, role: user.role }}
      canSharePublicly={await getPublicShareLinks()}
    />
  );
}
