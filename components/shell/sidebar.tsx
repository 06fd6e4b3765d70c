"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { lazy, Suspense, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { SECTIONS } from "@/lib/sections";
import { Logo } from "./logo";
import type { UserMenuProps } from "./user-menu";

// The menu library (floating-ui underneath) would otherwise join every route's first load.
const UserMenu = lazy(() => import("./user-menu").then((m) => ({ default: m.UserMenu })));

export interface SidebarProps {
  user: UserMenuProps["user"];
}

/** Section navigation: always visible from md up, a drawer behind a top bar on phones. */
export function Sidebar({ user }: SidebarProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <header className="fixed inset-x-0 top-0 z-20 flex h-12 items-center gap-2 border-border border-b bg-surface px-2 md:hidden">
        <Button
          variant="ghost"
          size="icon"
          aria-expanded={open}
          aria-controls="sidebar"
          aria-label="Open navigation"
          onClick={() => setOpen(true)}
        >
          <MenuIcon />
        </Button>
        <Logo />
      </header>
      {open && (
        <div
          aria-hidden
          className="fixed inset-0 z-30 bg-black/40 md:hidden"
          onClick={() => setOpen(false)}
        />
      )}
      <aside
        id="sidebar"
        data-testid="sidebar"
        className={`fixed inset-y-0 left-0 z-40 flex w-60 shrink-0 flex-col border-border border-r bg-surface transition-transform md:sticky md:top-0 md:z-auto md:h-screen md:w-56 md:translate-x-0 ${open ? "translate-x-0 shadow-xl" : "-translate-x-full max-md:invisible"}`}
      >
        <div className="flex h-12 shrink-0 items-center justify-between px-4">
          <Link href="/playground" className="rounded-md" aria-label="Benchtop home">
            <Logo />
          </Link>
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label="Close navigation"
            onClick={() => setOpen(false)}
          >
            <CloseIcon />
          </Button>
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
                    onClick={() => setOpen(false)}
                    className={`flex h-8 items-center justify-between rounded-md px-2.5 ${active ? "bg-accent-soft font-medium text-accent" : "text-fg/80 hover:bg-surface-2 hover:text-fg"}`}
                  >
                    {s.label}
                    {!s.built && (
                      <span className="text-[10px] text-muted uppercase tracking-wide">
                        soon<span className="sr-only"> (not built yet)</span>
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <Suspense fallback={<div className="h-[57px] border-border border-t" />}>
          <UserMenu user={user} />
        </Suspense>
      </aside>
    </>
  );
}
