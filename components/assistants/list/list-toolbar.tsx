"use client";

import { useEffect, useRef, useState } from "react";
import type { ListFilters } from "@/lib/assistants/list-filters";

const DEBOUNCE_MS = 250;

/** Search (as one types, without a request per keystroke), whose assistants, and the deleted view. */
export function ListToolbar({ value, onChange }: { value: ListFilters; onChange(f: ListFilters): void }) {
  const [text, setText] = useState(value.q);
  const sent = useRef(value.q);
  // The URL changed by itself (back button, "clear the filters"): the box follows it.
  useEffect(() => {
    if (value.q !== sent.current) {
      sent.current = value.q;
      setText(value.q);
    }
  }, [value.q]);
  useEffect(() => {
    const q = text.trim();
    if (q === sent.current) return;
    const t = setTimeout(() => {
      sent.current = q;
      onChange({ ...value, q });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Search assistants"
        className="input h-8 w-64 max-w-full max-sm:w-full"
        placeholder="Search names and descriptions"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="assistant-search"
      />
      <select
        aria-label="Whose assistants"
        className="input h-8 w-auto"
        value={value.owner}
        onChange={(e) => onChange({ ...value, owner: e.target.value === "me" ? "me" : "all" })}
        data-testid="assistant-owner"
      >
        <option value="all">Everyone&apos;s I can see</option>
        <option value="me">Mine</option>
      </select>
      <button
        type="button"
        aria-pressed={value.deleted}
        className={`btn h-8 ${value.deleted ? "border-accent bg-accent-soft text-accent" : ""}`}
        onClick={() => onChange({ ...value, deleted: !value.deleted })}
        data-testid="assistant-deleted-toggle"
      >
        Recently deleted
      </button>
    </div>
  );
}
