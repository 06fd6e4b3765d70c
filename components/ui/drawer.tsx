"use client";

import type { ReactNode } from "react";
import { lazyComponent } from "./lazy";

export interface DrawerProps {
  /** The drawer's accessible name. */
  label: string;
  /** The close button's accessible name. */
  closeLabel?: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A panel that slides in from the left over the page, on Base UI's Dialog: mount it to open it; it
 * calls onClose for Escape, its close button and a tap outside. Focus is trapped inside while open
 * and returns to whatever opened it. The library loads when the drawer first opens.
 */
export const Drawer = lazyComponent(() => import("./base/drawer").then((m) => m.Drawer));
