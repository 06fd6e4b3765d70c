"use client";

import { useId, useState } from "react";
import { useJobList } from "@/components/queries/use-fine-tuning";
import { Button } from "@/components/ui/button";
import { MAX_COMPARED } from "@/lib/fine-tuning/compare";
import type { Job } from "@/lib/fine-tuning/types";
import { Swatch } from "./palette";

export interface JobPickerProps {
  ids: string[];
  jobs: Record<string, Job | undefined>;
  /** Ids that are not readable jobs: their chip has no colour, only a way out. */
  missing: string[];
  onChange(ids: string[]): void;
}

const label = (j: Job) => `${j.id} · ${j.model} · ${j.status}`;

/** The compared jobs as removable chips, and a list of the others to add. */
export function JobPicker({ ids, jobs, missing, onChange }: JobPickerProps) {
  const list = useJobList();
  const [pick, setPick] = useState("");
  const selectId = useId();
  const others = list.jobs.filter((j) => !ids.includes(j.id));
  const full = ids.length >= MAX_COMPARED;
  const add = () => {
    if (pick) onChange([...ids, pick]);
    setPick("");
  };
  return (
    <div className="space-y-2" data-testid="ft-compare-picker">
      <ul className="flex flex-wrap gap-2">
        {ids.map((id, i) => (
          <li
            key={id}
            className="flex max-w-full items-center gap-1.5 rounded-full border border-border bg-surface py-0.5 pr-0.5 pl-2 text-xs"
            data-testid="ft-compare-chip"
            data-job-id={id}
          >
            {missing.includes(id) ? (
              <span aria-hidden className="font-bold text-warning">
                !
              </span>
            ) : (
              <Swatch index={i} />
            )}
            <span className="truncate font-mono">{id}</span>
            {jobs[id] && <span className="text-muted max-sm:hidden">{jobs[id]?.status}</span>}
            <Button
              size="xs"
              variant="ghost"
              aria-label={`Remove ${id}`}
              onClick={() => onChange(ids.filter((x) => x !== id))}
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-muted text-xs">
          Add a job
        </label>
        <select
          id={selectId}
          className="input w-auto min-w-0 max-w-full flex-1 sm:max-w-md"
          value={pick}
          onChange={(e) => setPick(e.target.value)}
          disabled={full}
          data-testid="ft-compare-add-select"
        >
          <option value="">
            {list.isPending ? "Loading jobs…" : others.length ? "Choose a job…" : "No other jobs"}
          </option>
          {others.map((j) => (
            <option key={j.id} value={j.id}>
              {label(j)}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={add} disabled={!pick || full} data-testid="ft-compare-add">
          Add
        </Button>
        {list.hasNextPage && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => list.fetchNextPage()}
            pending={list.isFetchingNextPage}
          >
            Older jobs
          </Button>
        )}
        {full && <span className="text-muted text-xs">At most {MAX_COMPARED} jobs.</span>}
      </div>
    </div>
  );
}
