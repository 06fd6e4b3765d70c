"use client";

import { lazy, type ReactElement, type ReactNode, Suspense } from "react";

export interface TooltipProps {
  /** The hint. Keep it supplementary: touch screens never show it. */
  content: ReactNode;
  /** The element that shows the hint on hover and keyboard focus; it must be focusable. */
  children: ReactElement<Record<string, unknown>>;
  side?: "top" | "bottom" | "left" | "right";
}

const Impl = lazy(() => import("./base/tooltip").then((m) => ({ default: m.Tooltip })));

/**
 * A hint on hover and on keyboard focus (Base UI's Tooltip), in place of `title=`. The element
 * renders as given until the library has loaded, so the route's first load does not carry it.
 */
export function Tooltip(props: TooltipProps) {
  return (
    <Suspense fallback={props.children}>
      <Impl {...props} />
    </Suspense>
  );
}
