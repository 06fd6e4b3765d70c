"use client";

import { CSPProvider } from "@base-ui/react/csp-provider";
import { Select as BaseSelect } from "@base-ui/react/select";
import { ChevronDownIcon } from "../icons";
import type { SelectProps } from "../select";

export function Select<T extends string>({
  value,
  onValueChange,
  options,
  className = "",
  ...rest
}: SelectProps<T>) {
  return (
    // The popup would inject a <style> to hide its scrollbar, which the page's CSP (nonce-only) refuses.
    <CSPProvider disableStyleElements>
      <BaseSelect.Root
        value={value}
        onValueChange={(v) => v !== null && onValueChange(v as T)}
        items={options}
      >
        <BaseSelect.Trigger
          aria-label={rest["aria-label"]}
          aria-labelledby={rest["aria-labelledby"]}
          data-testid={rest["data-testid"]}
          className={`input flex h-7 w-auto items-center justify-between gap-1.5 text-xs ${className}`}
        >
          <BaseSelect.Value />
          <BaseSelect.Icon className="text-muted">
            <ChevronDownIcon size={12} />
          </BaseSelect.Icon>
        </BaseSelect.Trigger>
        <BaseSelect.Portal>
          <BaseSelect.Positioner sideOffset={4} className="z-50 outline-none">
            <BaseSelect.Popup className="card max-h-[var(--available-height)] min-w-[var(--anchor-width)] overflow-y-auto p-1 text-xs shadow-lg outline-none">
              {options.map((o) => (
                <BaseSelect.Item
                  key={o.value}
                  value={o.value}
                  className="flex h-7 cursor-default select-none items-center gap-2 rounded-md px-2 outline-none data-highlighted:bg-surface-2"
                >
                  <span className="grid size-3 place-items-center">
                    <BaseSelect.ItemIndicator className="size-1.5 rounded-full bg-current" />
                  </span>
                  <BaseSelect.ItemText>{o.label}</BaseSelect.ItemText>
                </BaseSelect.Item>
              ))}
            </BaseSelect.Popup>
          </BaseSelect.Positioner>
        </BaseSelect.Portal>
      </BaseSelect.Root>
    </CSPProvider>
  );
}
