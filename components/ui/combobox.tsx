"use client";

import { lazy, type ReactNode, type RefObject, Suspense, useRef } from "react";
import { ChevronDownIcon } from "./icons";

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

/** Where the caret was in the stand-in input, if it had focus when the library arrived. */
export type HandOver = RefObject<{ start: number; end: number } | null>;

export const INPUT = "input min-w-0 pr-8";
export const TRIGGER =
  "absolute inset-y-0 right-0 grid w-8 place-items-center rounded-r-md text-muted hover:text-fg";

const Impl = lazy(() => import("./base/combobox").then((m) => ({ default: m.Combobox })));

/**
 * A text input with a filtered list of suggestions, on Base UI's Autocomplete (its combobox that
 * keeps free text): any text may be typed and is kept as typed; choosing an item puts its text in
 * the input. ArrowDown opens the list and moves through it, Enter chooses, Escape closes it and
 * leaves the text alone, Home and End move the caret. The list shows everything when opened and
 * filters once typing starts, so an input that already holds a value still offers the alternatives.
 *
 * The library loads with the first render, not with the route; until then a plain input of the same
 * look takes the text, and focus moves across if someone is already typing.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const focused = useRef<{ start: number; end: number } | null>(null);
  const { value, onValueChange, className = "" } = props;
  const track = (e: { currentTarget: HTMLInputElement }) => {
    const el = e.currentTarget;
    focused.current = {
      start: el.selectionStart ?? el.value.length,
      end: el.selectionEnd ?? el.value.length,
    };
  };
  return (
    <Suspense
      fallback={
        <div className="relative flex min-w-0 items-center">
          <input
            id={props.id}
            value={value}
            placeholder={props.placeholder}
            aria-label={props["aria-label"]}
            aria-describedby={props["aria-describedby"]}
            data-testid={props["data-testid"]}
            spellCheck={false}
            autoComplete="off"
            className={`${INPUT} ${className}`}
            onChange={(e) => {
              track(e);
              onValueChange(e.target.value);
            }}
            onFocus={track}
            onSelect={track}
            onBlur={() => {
              focused.current = null;
            }}
          />
          <span aria-hidden className={TRIGGER}>
            <ChevronDownIcon size={12} />
          </span>
        </div>
      }
    >
      <Impl {...(props as ComboboxProps<unknown>)} handOver={focused} />
    </Suspense>
  );
}
