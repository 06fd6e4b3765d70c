"use client";

import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import type { SearchResult } from "./api";

interface SearchPage {
  search_query: string | string[];
  data: SearchResult[];
}

/** The query's words marked in a chunk, case-insensitively. */
function highlight(text: string, query: string): ReactNode[] {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])];
  if (!words.length) return [text];
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  // Odd pieces are the matches; a position within one string is a stable key.
  // Odd pieces are the matches; each is keyed by where it starts in the text.
  const out: ReactNode[] = [];
  let at = 0;
  text.split(re).forEach((part, i) => {
    out.push(
      i % 2 ? (
        <mark key={at} className="rounded bg-warning-soft px-0.5 text-fg">
          {part}
        </mark>
      ) : (
        part
      ),
    );
    at += part.length;
  });
  return out;
}

/** Try a store's retrieval: query, result count, score threshold, attribute filters, query rewrite. */
export function StoreSearch({ storeId }: { storeId: string }) {
  const [query, setQuery] = useState("");
  const [max, setMax] = useState("10");
  const [threshold, setThreshold] = useState("");
  const [rewrite, setRewrite] = useState(false);
  const [filters, setFilters] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const search = useMutation<SearchPage, ApiError, Record<string, unknown>>({
    mutationFn: (body) => apiFetch(`/api/v1/vector_stores/${storeId}/search`, { body }),
  });
  const submit = () => {
    const n = Number(max);
    if (!query.trim()) return setFormError("Type a query.");
    if (!(Number.isInteger(n) && n >= 1 && n <= 50))
      return setFormError("Max results is a whole number from 1 to 50.");
    const t = threshold === "" ? undefined : Number(threshold);
    if (t !== undefined && !(t >= 0 && t <= 1)) return setFormError("Score threshold is between 0 and 1.");
    let f: unknown;
    if (filters.trim()) {
      try {
        f = JSON.parse(filters);
      } catch {
        return setFormError('Filters must be JSON, e.g. {"type": "eq", "key": "team", "value": "search"}.');
      }
    }
    setFormError(null);
    search.mutate({
      query,
      max_num_results: n,
      rewrite_query: rewrite,
      ...(t !== undefined ? { ranking_options: { score_threshold: t } } : {}),
      ...(f ? { filters: f } : {}),
    });
  };
  const asked = search.data ? [search.data.search_query].flat().join(" ") : "";
  return (
    <div className="space-y-3" data-testid="store-search">
      <form
        className="grid gap-2 sm:grid-cols-[1fr_6rem_7rem_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          className="input"
          aria-label="Search query"
          placeholder="What are you looking for?"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <input
          className="input"
          aria-label="Max results"
          inputMode="numeric"
          value={max}
          onChange={(e) => setMax(e.target.value)}
        />
        <input
          className="input"
          aria-label="Score threshold"
          placeholder="threshold"
          inputMode="decimal"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={search.isPending} data-testid="search-submit">
          Search
        </Button>
        <label className="flex items-center gap-2 text-xs sm:col-span-4">
          <input type="checkbox" checked={rewrite} onChange={(e) => setRewrite(e.target.checked)} /> Rewrite
          the query
        </label>
        <input
          className="input font-mono text-xs sm:col-span-4"
          aria-label="Attribute filters (JSON)"
          placeholder='Attribute filters, e.g. {"type": "eq", "key": "team", "value": "search"}'
          value={filters}
          onChange={(e) => setFilters(e.target.value)}
        />
      </form>
      {(formError || search.error) && (
        <p role="alert" className="text-danger text-xs">
          {formError ?? search.error?.message}
        </p>
      )}
      {search.data && (
        <div className="space-y-2">
          <p className="text-muted text-xs" data-testid="search-summary">
            {search.data.data.length} results for “{asked}”
          </p>
          <ol className="space-y-2">
            {search.data.data.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file can match with several chunks
              <li key={i} className="rounded-md border border-border p-3 text-sm" data-testid="search-result">
                <div className="mb-1 flex items-center gap-2 text-xs">
                  <span className="font-medium">{r.filename}</span>
                  <span className="rounded bg-surface-2 px-1 font-mono" data-testid="search-score">
                    {r.score.toFixed(3)}
                  </span>
                  {r.attributes && Object.keys(r.attributes).length > 0 && (
                    <span className="font-mono text-muted">{JSON.stringify(r.attributes)}</span>
                  )}
                </div>
                {r.content.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: chunks in order
                  <p key={j} className="whitespace-pre-wrap text-fg/90">
                    {highlight(c.text.slice(0, 1200), asked || query)}
                  </p>
                ))}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
