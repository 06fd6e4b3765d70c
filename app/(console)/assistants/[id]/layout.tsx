import type { ReactNode } from "react";
import { AssistantTabs } from "@/components/assistants/assistant-tabs";

export default async function AssistantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return (
    <div className="mx-auto max-w-7xl space-y-3">
      <AssistantTabs id={id}>{children}</AssistantTabs>
    </div>
  );
}
