"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { LinkTabs } from "@/components/ui/tabs";

/** One assistant's three pages, Build, Versions and Chat, as tabs in the URL. */
export function AssistantTabs({ id, children }: { id: string; children: ReactNode }) {
  const path = usePathname();
  const base = `/assistants/${encodeURIComponent(id)}`;
  const items = [
    { id: "build", label: "Build", href: base },
    { id: "versions", label: "Versions", href: `${base}/versions` },
    { id: "chat", label: "Chat", href: `${base}/chat` },
  ];
  const current = path.endsWith("/versions") ? "versions" : path.endsWith("/chat") ? "chat" : "build";
  return (
    <LinkTabs label="Assistant" items={items} current={current} testIdPrefix="assistant-tab-">
      {children}
    </LinkTabs>
  );
}
