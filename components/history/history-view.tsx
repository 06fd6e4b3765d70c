"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/lib/format";
import { ConfirmDelete } from "./confirm-delete";
import { apiLabel, HistoryRow } from "./history-row";
import { type HistoryFilters, useDeleteRuns, useHistoryList, useHistorySettings } from "./use-history";

/** The user's playground runs: search, filters, paging, two selected for a diff, delete all. */
export function HistoryView() {
  const [text, setText] = useState("");
  const [filters, setFilters] = useState<HistoryFilters>({ q: "", api: "", model: "" });
  const [selected, setSelected] = useState<string[]>([]);
  const [confirmAll, setConfirmAll] = useState(false);
  // Search as one types, without a request per keystroke.
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.q === text.trim() ? f : { ...f, q: text.trim() })), 250);
    return () => clearTimeout(t);
  }, [text]);
  const list = useHistoryList(filters);
  const settings = useHistorySettings();
  const removeAll = useDeleteRuns(() => {
    setConfirmAll(false);
    setSelected([]);
  });
  const runs = list.data?.pages.flatMap((p) => p.data) ?? [];
  const facets = list.data?.pages[0]?.facets ?? { apis: [], models: [] };
  const days = settings.data?.retentionDays;
  const filtered = Boolean(filters.q || filters.api || filters.model);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-semibold text-xl">History</h1>
          <p className="text-muted text-sm" data-testid="history-retention">
            {days === 0
              ? "History is off: an admin turned it off in Settings, so runs are not kept."
              : `Every playground run you finish is kept${days ? ` for ${plural(days, "day")}` : ""}. Only you can see your history.`}
          </p>
        </div>
        <div className="flex gap-2">
          {selected.length === 2 && (
            <Link
              href={`/history/diff?a=${selected[0]}&b=${selected[1]}`}
              className={buttonClass({ variant: "primary" })}
              data-testid="history-diff"
            >
              Diff selected
            </Link>
          )}
          <Button
            variant="danger"
            disabled={!runs.length}
            onClick={() => setConfirmAll(true)}
            data-testid="history-delete-all"
          >
            Delete all mine
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="history-search">
          Search runs
        </label>
        <input
          id="history-search"
          type="search"
          className="input h-8 w-72 max-w-full"
          placeholder="Search input, output or model"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="history-search"
        />
        <select
          aria-label="Filter by API"
          className="input h-8 w-auto"
          value={filters.api}
          onChange={(e) => setFilters((f) => ({ ...f, api: e.target.value }))}
          data-testid="history-api-filter"
        >
          <option value="">All APIs</option>
          {facets.apis.map((a) => (
            <option key={a} value={a}>
              {apiLabel(a)}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by model"
          className="input h-8 w-auto max-w-full"
          value={filters.model}
          onChange={(e) => setFilters((f) => ({ ...f, model: e.target.value }))}
          data-testid="history-model-filter"
        >
          <option value="">All models</option>
          {facets.models.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <span className="text-muted text-xs">
          {selected.length ? `${selected.length} of 2 selected for a diff` : "Select two runs to diff them"}
        </span>
      </div>
      {list.error && (
        <p role="alert" className="text-danger text-sm">
          Could not load your history: {list.error.message}
        </p>
      )}
      {list.isLoading ? (
        <EmptyState title="Loading your runs…" loading />
      ) : runs.length === 0 ? (
        <div className="rounded-lg border border-border border-dashed" data-testid="history-empty">
          <EmptyState title={filtered ? "No runs match." : "No runs yet."}>
            {filtered
              ? "Try other words, or clear the filters."
              : "Runs appear here when they finish in the playground."}
          </EmptyState>
        </div>
      ) : (
        <ul className="rounded-lg border border-border bg-surface" data-testid="history-list">
          {runs.map((r) => (
            <HistoryRow
              key={r.id}
              run={r}
              selected={selected.includes(r.id)}
              selectable={selected.length < 2}
              onSelect={(on) => setSelected((s) => (on ? [...s, r.id] : s.filter((x) => x !== r.id)))}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="flex justify-center">
          <Button
            onClick={() => void list.fetchNextPage()}
            pending={list.isFetchingNextPage}
            data-testid="history-more"
          >
            Load older runs
          </Button>
        </div>
      )}
      {confirmAll && (
        <ConfirmDelete
          title="Delete all your runs?"
          onCancel={() => setConfirmAll(false)}
          onConfirm={() => removeAll.mutate(null)}
          pending={removeAll.isPending}
          error={removeAll.error?.message}
        >
          Every run in your history goes, for good. Other people's history is not touched.
        </ConfirmDelete>
      )}
    </div>
  );
}
