"use client";

import { useEffect, useState } from "react";
import type { ImageRole, ImageScope } from "@/lib/images/schema";

export interface LibraryFilterState {
  scope: ImageScope;
  /** "" for every role. */
  role: ImageRole | "";
  model: string;
  q: string;
  /** yyyy-mm-dd from the date inputs, local days. */
  from: string;
  to: string;
}

/** Results by default: inputs and masks are kept for lineage, and are one click away. */
export const DEFAULT_LIBRARY_FILTERS: LibraryFilterState = {
  scope: "all",
  role: "result",
  model: "",
  q: "",
  from: "",
  to: "",
};

/** The filters as the list route's query string; the dates as the local day's start and the next day's. */
export function libraryQuery(f: LibraryFilterState): string {
  const sp = new URLSearchParams();
  if (f.scope !== "all") sp.set("scope", f.scope);
  if (f.role) sp.set("role", f.role);
  if (f.model) sp.set("model", f.model);
  if (f.q) sp.set("q", f.q);
  const day = (d: string, plus: number) => {
    const [y, m, dd] = d.split("-").map(Number);
    return new Date(y ?? 0, (m ?? 1) - 1, (dd ?? 1) + plus).toISOString();
  };
  if (f.from) sp.set("from", day(f.from, 0));
  if (f.to) sp.set("to", day(f.to, 1));
  return sp.toString();
}

export const isFiltered = (f: LibraryFilterState) =>
  f.scope !== "all" || f.role !== DEFAULT_LIBRARY_FILTERS.role || Boolean(f.model || f.q || f.from || f.to);

const ROLES: { value: LibraryFilterState["role"]; label: string }[] = [
  { value: "result", label: "Results" },
  { value: "input", label: "Inputs" },
  { value: "mask", label: "Masks" },
  { value: "", label: "All kinds" },
];

export function LibraryFilters({
  value,
  onChange,
  models,
}: {
  value: LibraryFilterState;
  onChange(v: LibraryFilterState): void;
  models: string[];
}) {
  const [text, setText] = useState(value.q);
  // Search as one types, without a request per keystroke.
  useEffect(() => {
    const t = setTimeout(() => {
      if (text.trim() !== value.q) onChange({ ...value, q: text.trim() });
    }, 250);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  const set = <K extends keyof LibraryFilterState>(k: K, v: LibraryFilterState[K]) =>
    onChange({ ...value, [k]: v });
  return (
    <div className="flex flex-wrap items-end gap-2">
      <input
        type="search"
        aria-label="Search prompts"
        className="input h-8 w-56 max-w-full"
        placeholder="Search prompts and names"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="library-search"
      />
      <select
        aria-label="Whose images"
        className="input h-8 w-auto"
        value={value.scope}
        onChange={(e) => set("scope", e.target.value as ImageScope)}
        data-testid="library-scope"
      >
        <option value="all">Mine and the team's</option>
        <option value="mine">Mine</option>
        <option value="team">Shared with the team</option>
      </select>
      <select
        aria-label="Kind"
        className="input h-8 w-auto"
        value={value.role}
        onChange={(e) => set("role", e.target.value as LibraryFilterState["role"])}
        data-testid="library-role"
      >
        {ROLES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Model"
        className="input h-8 w-auto max-w-full"
        value={value.model}
        onChange={(e) => set("model", e.target.value)}
        data-testid="library-model"
      >
        <option value="">All models</option>
        {models.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-muted text-xs">
          From
          <input
            type="date"
            className="input h-8 w-auto"
            value={value.from}
            onChange={(e) => set("from", e.target.value)}
            data-testid="library-from"
          />
        </label>
        <label className="flex items-center gap-1 text-muted text-xs">
          To
          <input
            type="date"
            className="input h-8 w-auto"
            value={value.to}
            onChange={(e) => set("to", e.target.value)}
            data-testid="library-to"
          />
        </label>
      </div>
    </div>
  );
}
