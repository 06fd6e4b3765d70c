"use client";

import { Popover as BasePopover } from "@base-ui/react/popover";
import type { ReactNode } from "react";

/**
 * A non-modal popup anchored to its trigger (Base UI's Popover): the trigger toggles it, Escape
 * and a click outside close it, focus returns to the trigger.
 * `<Popover><PopoverTrigger …/><PopoverContent>…</PopoverContent></Popover>`.
 */
export const Popover = BasePopover.Root;
export const PopoverTrigger = BasePopover.Trigger;

export interface PopoverContentProps {
  children: ReactNode;
  /** Accessible name of the popup when it has no visible title. */
  label?: string;
  side?: "top" | "bottom" | "left" | "right";
  align?: "start" | "center" | "end";
  className?: string;
}

export function PopoverContent({
  children,
  label,
  side = "bottom",
  align = "start",
  className = "",
}: PopoverContentProps) {
  return (
    <BasePopover.Portal>
      <BasePopover.Positioner side={side} align={align} sideOffset={4} className="z-50">
        <BasePopover.Popup
          aria-label={label}
          className={`card max-w-[min(24rem,calc(100vw-1rem))] p-2 text-xs shadow-lg outline-none ${className}`}
        >
          {children}
        </BasePopover.Popup>
      </BasePopover.Positioner>
    </BasePopover.Portal>
  );
}
