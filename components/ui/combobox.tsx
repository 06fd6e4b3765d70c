"use client";

import { Autocomplete } from "@base-ui/react/autocomplete";
import { type ReactNode, useMemo, useState } from "react";

export interface ComboboxGroup<T> {
  label: string;
  items: readonly T[];
}

export interface ComboboxProps<T> {
  /** The text in the input: whatever was typed, or the text of the item chosen. */
  value: string;
  onValueChange(value: string): void;
  /** A flat list, or `groups` for one with headings. */
  items?: readonly T[];
  groups?: readonly ComboboxGroup<T>[];
  /** The text an item puts in the input; also its React key. */
  itemToString(item: T): string;
  /** Whether an item matches the query (trimmed, lower case); by default its text contains it. */
  filter?(item: T, query: string): boolean;
  /** An item's row; by default its text. */
  renderItem?(item: T): ReactNode;
  /** Shown when nothing matches. */
  empty?: ReactNode;
  /** Names the list button ("Show models"). */
  triggerLabel?: string;
  id?: string;
  placeholder?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "data-testid"?: string;
  /** Classes for the input. */
  className?: string;
  /** Classes for the popup (its width, say). */
  popupClassName?: string;
}

const ITEM =
  "cursor-default select-none rounded-md px-2 py-1.5 outline-none data-highlighted:bg-surface-2 data-highlighted:ring-1 data-highlighted:ring-border";

/**
 * A text input with a filtered list of suggestions (Base UI's Autocomplete, its combobox that keeps
 * free text): any text may be typed and is kept as typed; choosing an item puts its text in the input.
 * ArrowDown opens the list and moves through it, Enter chooses, Escape closes it and leaves the text
 * alone, Home and End move the caret. The list shows everything when opened and filters once typing
 * starts, so an input that already holds a value still offers the alternatives.
 */
export function Combobox<T>({
  value,
  onValueChange,
  items,
  groups,
  itemToString,
  filter,
  renderItem = itemToString,
  empty = "No matches; the text is used as typed.",
  triggerLabel = "Show suggestions",
  className = "",
  popupClassName = "",
  ...inputProps
}: ComboboxProps<T>) {
  // The query is what was typed since the list opened, not the input's value.
  const [query, setQuery] = useState("");
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (item: T) => q === "" || (filter ? filter(item, q) : itemToString(item).toLowerCase().includes(q));
  }, [query, filter, itemToString]);
  const filteredGroups = useMemo(
    () => groups?.map((g) => ({ ...g, items: g.items.filter(matches) })).filter((g) => g.items.length > 0),
    [groups, matches],
  );
  const filteredItems = useMemo(() => items?.filter(matches), [items, matches]);

  const row = (item: T) => (
    <Autocomplete.Item key={itemToString(item)} value={item} className={ITEM}>
      {renderItem(item)}
    </Autocomplete.Item>
  );

  return (
    <Autocomplete.Root
      // Base UI types grouped and flat lists through two overloads; one Root serves both here.
      items={(groups ?? items ?? []) as readonly T[]}
      filteredItems={filteredGroups ?? filteredItems ?? []}
      value={value}
      itemToStringValue={itemToString}
      onValueChange={(next, details) => {
        // Escape on a closed list would clear the input (an optional ARIA behaviour); here the text
        // is a value someone chose, so Escape never throws it away.
        if (details.reason === "escape-key") {
          details.cancel();
          details.allowPropagation();
          return;
        }
        if (details.reason === "input-change") setQuery(next);
        onValueChange(next);
      }}
      onOpenChange={(open) => {
        if (!open) setQuery("");
      }}
    >
      <Autocomplete.InputGroup className="relative flex min-w-0 items-center">
        <Autocomplete.Input
          {...inputProps}
          spellCheck={false}
          autoComplete="off"
          className={`input min-w-0 pr-8 ${className}`}
        />
        <Autocomplete.Trigger
          aria-label={triggerLabel}
          className="absolute inset-y-0 right-0 grid w-8 place-items-center rounded-r-md text-muted hover:text-fg"
        >
          <svg
            aria-hidden
            width="12"
            height="12"
            viewBox="0 0 16 16"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path d="M5 6.5l3 3 3-3" />
          </svg>
        </Autocomplete.Trigger>
      </Autocomplete.InputGroup>
      <Autocomplete.Portal>
        <Autocomplete.Positioner sideOffset={4} collisionPadding={8} className="z-50 outline-none">
          <Autocomplete.Popup
            className={`card w-[var(--anchor-width)] min-w-[min(20rem,calc(100vw-1rem))] max-w-[calc(100vw-1rem)] text-xs shadow-lg outline-none ${popupClassName}`}
          >
            <Autocomplete.Empty className="px-3 py-2 text-muted empty:hidden">{empty}</Autocomplete.Empty>
            <Autocomplete.List className="max-h-[min(24rem,var(--available-height))] overflow-y-auto overscroll-contain p-1 outline-none data-empty:p-0">
              {groups
                ? (group: ComboboxGroup<T>) => (
                    <Autocomplete.Group key={group.label} items={group.items} className="pb-1 last:pb-0">
                      <Autocomplete.GroupLabel className="sticky top-0 z-10 bg-surface px-2 pt-1.5 pb-1 font-medium text-[11px] text-muted uppercase tracking-wide">
                        {group.label}
                      </Autocomplete.GroupLabel>
                      <Autocomplete.Collection>{row}</Autocomplete.Collection>
                    </Autocomplete.Group>
                  )
                : row}
            </Autocomplete.List>
          </Autocomplete.Popup>
        </Autocomplete.Positioner>
      </Autocomplete.Portal>
    </Autocomplete.Root>
  );
}
