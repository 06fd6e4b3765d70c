import type { Metadata } from "next";
import { PlaygroundView } from "@/components/playground/playground-view";
import { requireUser } from "@/lib/server/auth/page";
import { getPublicShareLinks } from "@/lib/server/settings";
import { upstreamInfo } from "@/lib/server/upstream";

export const metadata: Metadata = { title: "Playground" };
export const dynamic = "force-dynamic";

export default async function PlaygroundPage() {
  await requireUser();
  return (
    <PlaygroundView upstreamBaseUrl={upstreamInfo().baseUrl} canSharePublicly={await getPublicShareLinks()} />
  );
}
