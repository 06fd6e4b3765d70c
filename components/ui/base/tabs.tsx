"use client";

import { Tabs as BaseTabs } from "@base-ui/react/tabs";
import Link from "next/link";
import { buttonClass } from "../button";
import type { LinkTabsProps, TabsProps } from "../tabs";

const LOOKS = {
  underline: {
    list: "-mx-1 flex min-w-0 flex-1 gap-1 overflow-x-auto border-border border-b px-1",
    tab: "-mb-px shrink-0 whitespace-nowrap border-transparent border-b-2 px-3 py-1.5 text-muted hover:text-fg data-active:border-accent data-active:font-medium data-active:text-fg",
  },
  pills: {
    list: "flex flex-wrap gap-1",
    tab: `${buttonClass({ variant: "ghost", size: "sm" })} data-active:bg-accent data-active:text-accent-fg data-active:hover:opacity-90`,
  },
};

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
      {/* One shape whether or not there is an aside, so the list is not remounted (and focus lost) when it comes and goes. */}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {list}
        {aside}
      </div>
      <BaseTabs.Panel key={value} value={value} className={panelClassName}>
        {children}
      </BaseTabs.Panel>
    </BaseTabs.Root>
  );
}

export function LinkTabs({ label, items, current, testIdPrefix }: Omit<LinkTabsProps, "children">) {
  return (
    <BaseTabs.Root value={current}>
      {/* Page navigation sits on the page's background: the scroll hint's covers match it. */}
      <BaseTabs.List aria-label={label} className={`scroll-hint-x ${LOOKS.underline.list}`}>
        {items.map((t) => (
          <BaseTabs.Tab
            key={t.id}
            value={t.id}
            nativeButton={false}
            render={<Link href={t.href} scroll={false} />}
            id={`${testIdPrefix}${t.id}`}
            data-testid={`${testIdPrefix}${t.id}`}
            className={`${LOOKS.underline.tab} py-2`}
          >
            {t.label}
          </BaseTabs.Tab>
        ))}
      </BaseTabs.List>
    </BaseTabs.Root>
  );
}
