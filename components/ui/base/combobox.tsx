"use client";

import { Autocomplete } from "@base-ui/react/autocomplete";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  type ComboboxGroup,
  type ComboboxProps,
  type HandOver,
  INPUT,
  TRIGGER,
} from "@/components/ui/combobox";
import { ChevronDownIcon } from "../icons";

const ITEM =
  "cursor-default select-none rounded-md px-2 py-1.5 outline-none data-highlighted:bg-surface-2 data-highlighted:ring-1 data-highlighted:ring-border";

/** The combobox itself; `../combobox` loads it with the first render and hands focus over. */
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
  handOver,
  ...inputProps
}: ComboboxProps<T> & { handOver?: HandOver }) {
  const inputRef = useRef<HTMLInputElement>(null);
  // Someone was already typing in the stand-in input: carry on in this one, caret included.
  useEffect(() => {
    const caret = handOver?.current;
    if (!caret) return;
    inputRef.current?.focus();
    inputRef.current?.setSelectionRange(caret.start, caret.end);
  }, [handOver]);
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
          ref={inputRef}
          {...inputProps}
          spellCheck={false}
          autoComplete="off"
          className={`${INPUT} ${className}`}
        />
        <Autocomplete.Trigger aria-label={triggerLabel} className={TRIGGER}>
          <ChevronDownIcon size={12} />
        </Autocomplete.Trigger>
      </Autocomplete.InputGroup>
      <Autocomplete.Portal>
        <Autocomplete.Positioner
          align="start"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 outline-none"
        >
          <Autocomplete.Popup
            className={`card w-[var(--anchor-width)] min-w-[min(20rem,calc(100vw-1rem))] max-w-[min(28rem,calc(100vw-1rem))] text-xs shadow-lg outline-none ${popupClassName}`}
          >
            <Autocomplete.Empty className="px-3 py-2 text-muted empty:hidden">{empty}</Autocomplete.Empty>
            <Autocomplete.List className="max-h-[min(24rem,var(--available-height))] scroll-pt-7 overflow-y-auto overscroll-contain p-1 outline-none data-empty:p-0">
              {groups
                ? (group: ComboboxGroup<T>) => (
                    <Autocomplete.Group key={group.label} items={group.items} className="pb-1 last:pb-0">
                      <Autocomplete.GroupLabel className="sticky top-0 z-10 bg-surface px-2 pt-1.5 pb-1 font-medium text-[11px] text-muted">
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
