import type { Metadata } from "next";
import { TokenizerView } from "@/components/tokenizer/tokenizer-view";
import { requireUser } from "@/lib/server/auth/page";
import { getPublicShareLinks } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Tokenizer" };
export const dynamic = "force-dynamic";

export default async function TokenizerPage() {
  await requireUser();
  return <TokenizerView canSharePublicly={await getPublicShareLinks()} />;
}
