"use client";

import { Popover as BasePopover } from "@base-ui/react/popover";
import type { PopoverProps } from "../popover";

export function Popover({
  trigger,
  children,
  label,
  side = "bottom",
  align = "start",
  className = "",
}: PopoverProps) {
  return (
    <BasePopover.Root>
      <BasePopover.Trigger render={trigger} />
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
    </BasePopover.Root>
  );
}
