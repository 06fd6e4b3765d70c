"use client";

import { Tabs as BaseTabs } from "@base-ui/react/tabs";
import Link from "next/link";
import type { ReactNode } from "react";

export interface TabItem<T extends string = string> {
  id: T;
  label: ReactNode;
}

const LOOKS = {
  underline: {
    list: "-mx-1 flex gap-1 overflow-x-auto border-border border-b px-1",
    tab: "-mb-px shrink-0 whitespace-nowrap border-transparent border-b-2 px-3 py-1.5 text-muted hover:text-fg data-active:border-accent data-active:font-medium data-active:text-fg",
  },
  pills: {
    list: "flex flex-wrap gap-1",
    tab: "btn btn-ghost h-7 px-2 text-xs data-active:bg-accent data-active:text-accent-fg data-active:hover:opacity-90",
  },
};

export interface TabsProps<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  items: TabItem<NoInfer<T>>[];
  value: T;
  onValueChange(value: NoInfer<T>): void;
  look?: keyof typeof LOOKS;
  /** Extra classes for the list, e.g. padding to line it up with the panel. */
  listClassName?: string;
  panelClassName?: string;
  /** Shown at the end of the tab row, e.g. an option that applies to every tab. */
  aside?: ReactNode;
  /** The selected tab's panel. */
  children: ReactNode;
}

/**
 * Tabs held in component state: a real tablist (arrow keys, Home, End) that selects as focus
 * moves, since every panel here renders instantly.
 */
export function Tabs<T extends string>({
  label,
  items,
  value,
  onValueChange,
  look = "underline",
  listClassName = "",
  panelClassName,
  aside,
  children,
}: TabsProps<T>) {
  const list = (
    <BaseTabs.List activateOnFocus aria-label={label} className={`${LOOKS[look].list} ${listClassName}`}>
      {items.map((t) => (
        <BaseTabs.Tab key={t.id} value={t.id} className={LOOKS[look].tab}>
          {t.label}
        </BaseTabs.Tab>
      ))}
    </BaseTabs.List>
  );
  return (
    <BaseTabs.Root value={value} onValueChange={(v) => onValueChange(v as T)}>
      {aside ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {list}
          {aside}
        </div>
      ) : (
        list
      )}
      <BaseTabs.Panel key={value} value={value} className={panelClassName}>
        {children}
      </BaseTabs.Panel>
    </BaseTabs.Root>
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
export function LinkTabs({ label, items, current, testIdPrefix, children }: LinkTabsProps) {
  return (
    <BaseTabs.Root value={current}>
      <BaseTabs.List aria-label={label} className={LOOKS.underline.list}>
        {items.map((t) => (
          <BaseTabs.Tab
            key={t.id}
            value={t.id}
            nativeButton={false}
            render={<Link href={t.href} scroll={false} />}
            data-testid={`${testIdPrefix}${t.id}`}
            className={`${LOOKS.underline.tab} py-2`}
          >
            {t.label}
          </BaseTabs.Tab>
        ))}
      </BaseTabs.List>
      <BaseTabs.Panel value={current} className="space-y-5 pt-5">
        {children}
      </BaseTabs.Panel>
    </BaseTabs.Root>
  );
}
