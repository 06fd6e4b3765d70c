"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type JobFilters, KNOWN_STATUSES, METHOD_LABEL, statusInfo } from "@/lib/fine-tuning/job-facts";

export interface JobFiltersBarProps {
  value: JobFilters;
  onChange(f: JobFilters): void;
  /** Statuses and base models seen on the loaded pages, besides the known ones. */
  statuses: string[];
  models: string[];
}

/** Status, method, base model and mine/all filter the loaded pages; metadata goes to the API. */
export function JobFiltersBar({ value, onChange, statuses, models }: JobFiltersBarProps) {
  const [meta, setMeta] = useState(
    Object.entries(value.metadata)
      .map(([k, v]) => `${k}=${v}`)
      .join(", "),
  );
  const applyMeta = () => {
    const metadata: Record<string, string> = {};
    for (const pair of meta.split(",")) {
      const i = pair.indexOf("=");
      if (i > 0) metadata[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
    onChange({ ...value, metadata });
  };
  const select = "input h-8 w-auto text-sm";
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="job-filters">
      <select
        className={select}
        aria-label="Status"
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.target.value })}
        data-testid="job-filter-status"
      >
        <option value="">All statuses</option>
        {[...new Set([...KNOWN_STATUSES, ...statuses])].map((s) => (
          <option key={s} value={s}>
            {statusInfo(s).label}
          </option>
        ))}
      </select>
      <select
        className={select}
        aria-label="Method"
        value={value.method}
        onChange={(e) => onChange({ ...value, method: e.target.value })}
        data-testid="job-filter-method"
      >
        <option value="">All methods</option>
        {Object.entries(METHOD_LABEL).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
      <select
        className={`${select} max-w-56`}
        aria-label="Base model"
        value={value.model}
        onChange={(e) => onChange({ ...value, model: e.target.value })}
        data-testid="job-filter-model"
      >
        <option value="">All base models</option>
        {[...new Set([...models, ...(value.model ? [value.model] : [])])].map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <fieldset className="flex overflow-hidden rounded-md border border-border text-sm" aria-label="Owner">
        {[false, true].map((mine) => (
          <button
            key={String(mine)}
            type="button"
            aria-pressed={value.mine === mine}
            className={`h-8 px-3 ${value.mine === mine ? "bg-surface-2 font-medium" : "text-muted"}`}
            onClick={() => onChange({ ...value, mine })}
            data-testid={mine ? "job-filter-mine" : "job-filter-all"}
          >
            {mine ? "Mine" : "All"}
          </button>
        ))}
      </fieldset>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          applyMeta();
        }}
      >
        <input
          className="input h-8 w-48 text-sm"
          placeholder="metadata: key=value"
          aria-label="Metadata filter"
          value={meta}
          onChange={(e) => setMeta(e.target.value)}
          data-testid="job-filter-metadata"
        />
        <Button size="sm" type="submit" className="h-8">
          Filter
        </Button>
      </form>
    </div>
  );
}
