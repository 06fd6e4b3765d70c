"use client";

import { type ComponentType, lazy, Suspense } from "react";

/**
 * A component whose code loads when it first renders: for dialogs and panels that are not on screen
 * when the page opens, or that cannot show before their data arrives (with `preload()` at mount),
 * so they stay out of its first-load JavaScript (docs/performance.md). It
 * renders nothing until loaded (a local chunk: a few ms). React's own `lazy`, in a Suspense boundary
 * of its own: `next/dynamic` would add 4.5 KB of its loader to the page.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): void } {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => {
    loading ??= load().then((component) => ({ default: component }));
    return loading;
  };
  const Lazy = lazy(start);
  // biome-ignore lint/correctness/noComponentHookFactories: called once per component at module level, as React's lazy is.
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  /** Starts loading early, e.g. while the data the component needs is still being fetched. */
  LazyComponent.preload = () => void start();
  return LazyComponent;
}
