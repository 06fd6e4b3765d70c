"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { MenuIcon } from "@/components/ui/icons";
import { SECTIONS } from "@/lib/sections";
import { Logo } from "./logo";
import type { UserMenuProps } from "./user-menu";

// The menu library (floating-ui underneath) would otherwise join every route's first load.
const UserMenu = lazy(() => import("./user-menu").then((m) => ({ default: m.UserMenu })));

export interface SidebarProps {
  user: UserMenuProps["user"];
}

/** Section navigation: always visible from md up; on phones, a drawer opened from a top bar. */
export function Sidebar({ user }: SidebarProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <header className="fixed inset-x-0 top-0 z-20 flex h-12 items-center gap-2 border-border border-b bg-surface px-2 md:hidden">
        <Button
          variant="ghost"
          size="icon"
          aria-expanded={open}
          aria-label="Open navigation"
          onClick={() => setOpen(true)}
        >
          <MenuIcon />
        </Button>
        <Logo />
      </header>
      {open && (
        <Drawer label="Navigation" closeLabel="Close navigation" onClose={() => setOpen(false)}>
          <SidebarBody user={user} onNavigate={() => setOpen(false)} />
        </Drawer>
      )}
      <aside
        id="sidebar"
        data-testid="sidebar"
        className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-border border-r bg-surface max-md:hidden"
      >
        <SidebarBody user={user} />
      </aside>
    </>
  );
}

function SidebarBody({ user, onNavigate }: SidebarProps & { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <>
      <div className="flex h-12 shrink-0 items-center px-4">
        <Link href="/playground" className="rounded-md" aria-label="Benchtop home" onClick={onNavigate}>
          <Logo />
        </Link>
      </div>
      <nav aria-label="Sections" className="flex-1 overflow-y-auto px-2 py-1">
        <ul className="space-y-px">
          {SECTIONS.map((s) => {
            const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
            return (
              <li key={s.id}>
                <Link
                  href={s.href}
                  data-testid={`nav-${s.id}`}
                  aria-current={active ? "page" : undefined}
                  onClick={onNavigate}
                  className={`flex h-8 items-center justify-between rounded-md px-2.5 ${active ? "bg-accent-soft font-medium text-accent" : "text-fg/80 hover:bg-surface-2 hover:text-fg"}`}
                >
                  {s.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Suspense fallback={<div className="h-[57px] border-border border-t" />}>
        <UserMenu user={user} />
      </Suspense>
    </>
  );
}
