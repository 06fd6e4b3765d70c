import type { Metadata } from "next";
import { ChatView } from "@/components/assistants/chat/chat-view";
import { requireUser } from "@/lib/server/auth/page";
import { getPublicShareLinks } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Test chat" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  return <ChatView assistantId={id} canSharePublicly={await getPublicShareLinks()} />;
}
