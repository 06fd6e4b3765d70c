import Link from "next/link";

export interface TabItem {
  id: string;
  label: string;
  href: string;
}

export interface TabsProps {
  label: string;
  items: TabItem[];
  current: string;
  /** data-testid of each tab is `${testIdPrefix}${id}`. */
  testIdPrefix: string;
}

/** Tabs that are links: the selected tab lives in the URL, so it survives reloads and can be shared. */
export function Tabs({ label, items, current, testIdPrefix }: TabsProps) {
  return (
    <nav aria-label={label} className="-mx-1 flex gap-1 overflow-x-auto border-border border-b px-1">
      {items.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          scroll={false}
          data-testid={`${testIdPrefix}${t.id}`}
          aria-current={t.id === current ? "page" : undefined}
          className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 ${t.id === current ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
