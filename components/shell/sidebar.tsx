"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { SECTIONS } from "@/lib/sections";
import { Logo } from "./logo";
import { UserMenu, type UserMenuProps } from "./user-menu";

export interface SidebarProps {
  user: UserMenuProps["user"];
}

export function Sidebar({ user }: SidebarProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn fixed top-2 left-2 z-30 md:hidden"
        aria-expanded={open}
        aria-controls="sidebar"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <aside
        id="sidebar"
        data-testid="sidebar"
        className={`fixed inset-y-0 left-0 z-20 flex w-56 shrink-0 flex-col border-border border-r bg-surface transition-transform md:sticky md:top-0 md:h-screen md:translate-x-0 ${open ? "translate-x-0" : "-translate-x-full"}`}
      >
        <div className="flex h-12 items-center px-4">
          <Logo />
        </div>
        <nav aria-label="Sections" className="flex-1 overflow-y-auto px-2 py-2">
          <ul className="space-y-0.5">
            {SECTIONS.map((s) => {
              const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
              return (
                <li key={s.id}>
                  <Link
                    href={s.href}
                    data-testid={`nav-${s.id}`}
                    aria-current={active ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={`flex items-center justify-between rounded-md px-2.5 py-1.5 ${active ? "bg-accent-soft font-medium text-accent" : "text-fg/80 hover:bg-surface-2 hover:text-fg"}`}
                  >
                    {s.label}
                    {!s.built && <span className="text-[10px] text-muted uppercase tracking-wide">soon</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <UserMenu user={user} />
      </aside>
    </>
  );
}
