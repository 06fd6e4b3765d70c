"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { LinkTabs } from "@/components/ui/tabs";

const TABS = [
  { id: "studio", label: "Studio", href: "/images" },
  { id: "library", label: "Library", href: "/images/library" },
];

/** The Images section's two pages, Studio and Library, as tabs in the URL. */
export function ImagesTabs({ children }: { children: ReactNode }) {
  const path = usePathname();
  const current = path.startsWith("/images/library") ? "library" : "studio";
  return (
    <LinkTabs label="Images" items={TABS} current={current} testIdPrefix="images-tab-">
      {children}
    </LinkTabs>
  );
}
