"use client";

import { Menu as BaseMenu } from "@base-ui/react/menu";
import type { ComponentProps, ReactNode } from "react";

/**
 * A menu on Base UI's Menu: arrow keys and typeahead move through the items, Enter or Space picks
 * one, Escape closes it and focus goes back to the trigger. Compose it like the library's parts:
 * `<Menu><MenuTrigger …/><MenuContent>…items…</MenuContent></Menu>`.
 */
export const Menu = BaseMenu.Root;
export const MenuTrigger = BaseMenu.Trigger;

export interface MenuContentProps {
  children: ReactNode;
  side?: "top" | "bottom" | "left" | "right";
  align?: "start" | "center" | "end";
  className?: string;
}

export function MenuContent({
  children,
  side = "bottom",
  align = "start",
  className = "",
}: MenuContentProps) {
  return (
    <BaseMenu.Portal>
      <BaseMenu.Positioner side={side} align={align} sideOffset={4} className="z-50 outline-none">
        <BaseMenu.Popup
          className={`card min-w-44 max-w-[calc(100vw-1rem)] p-1 text-sm shadow-lg outline-none ${className}`}
        >
          {children}
        </BaseMenu.Popup>
      </BaseMenu.Positioner>
    </BaseMenu.Portal>
  );
}

const ITEM =
  "flex h-8 cursor-default select-none items-center gap-2 rounded-md px-2 outline-none data-disabled:opacity-50 data-highlighted:bg-surface-2";

export function MenuItem({ className = "", ...props }: ComponentProps<typeof BaseMenu.Item>) {
  return <BaseMenu.Item className={`${ITEM} ${className}`} {...props} />;
}

export const MenuRadioGroup = BaseMenu.RadioGroup;

export function MenuRadioItem({
  className = "",
  children,
  ...props
}: ComponentProps<typeof BaseMenu.RadioItem>) {
  return (
    <BaseMenu.RadioItem className={`${ITEM} ${className}`} {...props}>
      <span className="grid size-4 place-items-center">
        <BaseMenu.RadioItemIndicator className="size-1.5 rounded-full bg-current" />
      </span>
      {children}
    </BaseMenu.RadioItem>
  );
}

export function MenuGroupLabel({ className = "", ...props }: ComponentProps<typeof BaseMenu.GroupLabel>) {
  return <BaseMenu.GroupLabel className={`px-2 pt-1.5 pb-1 text-muted text-xs ${className}`} {...props} />;
}

export function MenuSeparator() {
  return <BaseMenu.Separator className="-mx-1 my-1 h-px bg-border" />;
}
