"use client";

import { lazy, type ReactElement, type ReactNode, Suspense } from "react";

export interface PopoverProps {
  /** The button that toggles the popup; it renders as given until the library has loaded. */
  trigger: ReactElement<Record<string, unknown>>;
  children: ReactNode;
  /** Accessible name of the popup when it has no visible title. */
  label?: string;
  side?: "top" | "bottom" | "left" | "right";
  align?: "start" | "center" | "end";
  className?: string;
}

const Impl = lazy(() => import("./base/popover").then((m) => ({ default: m.Popover })));

/**
 * A non-modal popup anchored to its trigger (Base UI's Popover): the trigger toggles it, Escape and
 * a click outside close it, focus returns to the trigger. Loaded on first render, not with the route.
 */
export function Popover(props: PopoverProps) {
  return (
    <Suspense fallback={props.trigger}>
      <Impl {...props} />
    </Suspense>
  );
}
