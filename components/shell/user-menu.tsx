"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { apiFetch } from "@/lib/api-client";
import { ThemeSelect } from "./theme-select";

export interface UserMenuProps {
  user: { name: string; email: string; role: "admin" | "member" };
}

export function UserMenu({ user }: UserMenuProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function signOut() {
    await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => {});
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div ref={ref} className="relative border-border border-t p-2">
      {open && (
        <div role="menu" className="card absolute right-2 bottom-full left-2 mb-1 space-y-2 p-2 shadow-lg">
          <ThemeSelect />
          <button
            type="button"
            role="menuitem"
            className="btn btn-ghost w-full justify-start"
            data-testid="sign-out"
            onClick={() => void signOut()}
          >
            Sign out
          </button>
        </div>
      )}
      <button
        type="button"
        data-testid="user-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-surface-2"
      >
        <span
          aria-hidden
          className="grid size-7 shrink-0 place-items-center rounded-full bg-surface-2 font-medium text-xs uppercase"
        >
          {(user.name || user.email).slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">{user.name || user.email.split("@")[0]}</span>
          <span className="block truncate text-muted text-xs">{user.email}</span>
        </span>
        {user.role === "admin" && <Badge tone="accent">admin</Badge>}
      </button>
    </div>
  );
}
