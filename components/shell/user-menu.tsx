"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import type { Role } from "@/lib/types";
import { ChevronIcon } from "./icons";
import { ThemeSelect } from "./theme-select";

export interface UserMenuProps {
  user: { name: string; email: string; role: Role };
}

/** The signed-in person at the foot of the sidebar; opens a small panel with the theme and sign-out. */
export function UserMenu({ user }: UserMenuProps) {
  const router = useRouter();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [open]);

  async function signOut() {
    setSigningOut(true);
    // Whatever the answer, leave: a failed sign-out still ends on a page that asks for sign-in.
    await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => {});
    router.replace("/sign-in");
    router.refresh();
  }

  const display = user.name || user.email.split("@")[0] || user.email;
  return (
    <div ref={ref} className="relative border-border border-t p-2">
      {open && (
        <div id={panelId} className="card absolute right-2 bottom-full left-2 mb-1 space-y-2 p-2 shadow-lg">
          <div className="px-1 pt-1 text-xs">
            <p className="text-muted">Signed in as</p>
            <p className="truncate font-medium">{user.email}</p>
          </div>
          <hr className="border-border" />
          <ThemeSelect />
          <hr className="border-border" />
          <Button
            variant="ghost"
            className="w-full justify-start"
            data-testid="sign-out"
            pending={signingOut}
            onClick={() => void signOut()}
          >
            Sign out
          </Button>
        </div>
      )}
      <button
        ref={trigger}
        type="button"
        data-testid="user-menu"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-surface-2"
      >
        <span
          aria-hidden
          className="grid size-7 shrink-0 place-items-center rounded-full bg-accent-soft font-medium text-accent text-xs uppercase"
        >
          {display.slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-center gap-1.5">
            <span className="truncate font-medium">{display}</span>
            <Badge tone={user.role === "admin" ? "accent" : "neutral"}>{user.role}</Badge>
          </span>
          <span className="block truncate text-muted text-xs">{user.email}</span>
        </span>
        <ChevronIcon className={`shrink-0 text-muted transition-transform ${open ? "" : "rotate-180"}`} />
      </button>
    </div>
  );
}
