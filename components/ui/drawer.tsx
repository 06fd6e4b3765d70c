"use client";

import { lazy, type ReactNode, Suspense } from "react";

export interface DrawerProps {
  /** The drawer's accessible name. */
  label: string;
  /** The close button's accessible name. */
  closeLabel?: string;
  onClose(): void;
  children: ReactNode;
}

const Impl = lazy(() => import("./base/drawer").then((m) => ({ default: m.Drawer })));

/**
 * A panel that slides in from the left over the page, on Base UI's Dialog: mount it to open it; it
 * calls onClose for Escape, its close button and a tap outside. Focus is trapped inside while open
 * and returns to whatever opened it. The library loads when the drawer first opens.
 */
export function Drawer(props: DrawerProps) {
  return (
    <Suspense fallback={null}>
      <Impl {...props} />
    </Suspense>
  );
}
