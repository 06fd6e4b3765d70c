"use client";

import type { ReactNode, RefObject } from "react";
import { lazyComponent } from "./lazy";

export interface DialogProps {
  title: ReactNode;
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
  size?: "sm" | "md" | "lg";
  /** What gets focus on open; by default the first focusable element (the close button). */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * A modal on Base UI's Dialog. Mount it to open it; it calls onClose for Escape, the close button
 * and a tap on the backdrop, and the caller unmounts it. Focus is trapped while open and returns to
 * whatever opened it; the body scrolls inside the popup, so long content fits a phone. The library
 * loads when a dialog first opens, not with the route.
 */
export const Dialog = lazyComponent(() => import("./base/dialog").then((m) => m.Dialog));
