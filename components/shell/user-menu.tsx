"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ChevronIcon } from "@/components/ui/icons";
import {
  Menu,
  MenuContent,
  MenuGroupLabel,
  MenuItem,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuTrigger,
} from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import { apiFetch } from "@/lib/api-client";
import { THEME_CHOICES, type ThemeChoice } from "@/lib/theme";
import type { Role } from "@/lib/types";
import { useTheme } from "./use-theme";

export interface UserMenuProps {
  user: { name: string; email: string; role: Role };
}

/** The signed-in person at the foot of the sidebar; a menu with the theme and sign-out. */
export function UserMenu({ user }: UserMenuProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [theme, setTheme] = useTheme();

  async function signOut() {
    setSigningOut(true);
    // Whatever the answer, leave: a failed sign-out still ends on a page that asks for sign-in.
    await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => {});
    router.replace("/sign-in");
    router.refresh();
  }

  const display = user.name || user.email.split("@")[0] || user.email;
  return (
    <div className="border-border border-t p-2">
      <Menu open={open} onOpenChange={setOpen}>
        <MenuTrigger
          data-testid="user-menu"
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
        </MenuTrigger>
        <MenuContent side="top" className="w-[var(--anchor-width)]">
          <div className="px-2 pt-1.5 pb-1 text-xs">
            <p className="text-muted">Signed in as</p>
            <p className="truncate font-medium">{user.email}</p>
          </div>
          <MenuSeparator />
          <MenuRadioGroup value={theme} onValueChange={(v) => setTheme(v as ThemeChoice)}>
            <MenuGroupLabel>Theme</MenuGroupLabel>
            {THEME_CHOICES.map((c) => (
              <MenuRadioItem key={c.value} value={c.value} data-testid={`theme-${c.value}`}>
                {c.label}
              </MenuRadioItem>
            ))}
          </MenuRadioGroup>
          <MenuSeparator />
          <MenuItem
            data-testid="sign-out"
            closeOnClick={false}
            disabled={signingOut}
            onClick={() => void signOut()}
          >
            {signingOut && <Spinner />}
            Sign out
          </MenuItem>
        </MenuContent>
      </Menu>
    </div>
  );
}
