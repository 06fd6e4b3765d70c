"use client";

import Link from "next/link";
import { lazy, type ReactNode, Suspense } from "react";

export interface TabItem<T extends string = string> {
  id: T;
  label: ReactNode;
}

export interface TabsProps<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  items: TabItem<NoInfer<T>>[];
  value: T;
  onValueChange(value: NoInfer<T>): void;
  look?: "underline" | "pills";
  /** Extra classes for the list, e.g. padding to line it up with the panel. */
  listClassName?: string;
  panelClassName?: string;
  /** Shown at the end of the tab row, e.g. an option that applies to every tab. */
  aside?: ReactNode;
  /** The selected tab's panel. */
  children: ReactNode;
}

const TabsImpl = lazy(() => import("./base/tabs").then((m) => ({ default: m.Tabs })));
const LinkTabsImpl = lazy(() => import("./base/tabs").then((m) => ({ default: m.LinkTabs })));

/**
 * Tabs held in component state: a real tablist (arrow keys, Home, End) that selects as focus
 * moves, since every panel here renders instantly.
 * Base UI's Tabs load with the first tab list shown, not with the route.
 */
export function Tabs<T extends string>(props: TabsProps<T>) {
  return (
    <Suspense fallback={<div className={props.panelClassName}>{props.children}</div>}>
      <TabsImpl {...(props as TabsProps<string>)} />
    </Suspense>
  );
}

export interface LinkTabItem {
  id: string;
  label: string;
  href: string;
}

export interface LinkTabsProps {
  label: string;
  items: LinkTabItem[];
  current: string;
  /** data-testid of each tab is `${testIdPrefix}${id}`. */
  testIdPrefix: string;
  /** The current tab's panel. */
  children: ReactNode;
}

/**
 * Tabs whose selection lives in the URL, so it survives reloads and can be shared. Each tab is a
 * real link (it opens in a new tab, and navigation goes through the router); arrow keys move focus
 * along the tablist and Enter follows the link, rather than navigating on every arrow press.
 */
export function LinkTabs({ children, ...props }: LinkTabsProps) {
  // Until the library loads (a client-side visit), plain links with the same look stand in.
  const fallback = (
    <nav
      aria-label={props.label}
      className="scroll-hint-x -mx-1 flex gap-1 overflow-x-auto border-border border-b px-1"
    >
      {props.items.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          scroll={false}
          aria-current={t.id === props.current ? "page" : undefined}
          className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 ${t.id === props.current ? "border-accent font-medium text-fg" : "border-transparent text-muted"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
  // The panel stays outside the lazy boundary: a server-rendered page is usable before the tab
  // list's code has arrived and hydrated.
  return (
    <div>
      <Suspense fallback={fallback}>
        <LinkTabsImpl {...props} />
      </Suspense>
      <div
        role="tabpanel"
        aria-labelledby={`${props.testIdPrefix}${props.current}`}
        className="space-y-5 pt-5"
      >
        {children}
      </div>
    </div>
  );
}
