import type { Metadata } from "next";
import { AssistantBuilder } from "@/components/assistants/builder/assistant-builder";

export const metadata: Metadata = { title: "Assistant" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AssistantBuilder id={id} />;
}
