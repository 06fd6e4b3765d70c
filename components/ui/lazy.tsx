"use client";

import { type ComponentType, lazy, Suspense } from "react";

/**
 * A component whose code loads when it first renders: for dialogs and panels that are not on screen
 * when the page opens, so they stay out of its first-load JavaScript (docs/performance.md). It
 * renders nothing until loaded (a local chunk: a few ms). React's own `lazy`, in a Suspense boundary
 * of its own: `next/dynamic` would add 4.5 KB of its loader to the page.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per component at module level, as React's lazy is.
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
