"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { When } from "@/components/ui/when";
import type { JobEvent } from "@/lib/fine-tuning/types";
import { fromUnix } from "@/lib/format";

const ROW = 28;
const LEVEL: Record<string, string> = { warn: "text-warning", error: "text-danger", info: "text-muted" };

/** The job's events newest first; a long run's thousands of metrics rows are virtualised. */
export function EventsFeed({ events, live }: { events: JobEvent[]; live: boolean }) {
  const [metrics, setMetrics] = useState(false);
  const rows = useMemo(
    () => events.filter((e) => metrics || e.type !== "metrics").reverse(),
    [events, metrics],
  );
  const box = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  return (
    <section className="space-y-2" data-testid="job-events">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-medium">Events</h2>
        {live && (
          <span className="flex items-center gap-1 text-accent text-xs" data-testid="job-events-live">
            <span className="size-2 animate-pulse rounded-full bg-accent" aria-hidden /> live
          </span>
        )}
        <label className="ml-auto flex items-center gap-1 text-muted text-xs">
          <input
            type="checkbox"
            checked={metrics}
            onChange={(e) => setMetrics(e.target.checked)}
            data-testid="job-events-metrics"
          />
          Show metrics steps
        </label>
      </div>
      <div
        ref={box}
        className="max-h-80 overflow-auto rounded-md border border-border"
        data-testid="job-events-list"
      >
        {rows.length === 0 ? (
          <p className="p-3 text-muted text-xs">No events yet.</p>
        ) : (
          <ul className="relative" style={{ height: v.getTotalSize() }}>
            {v.getVirtualItems().map((r) => {
              const e = rows[r.index];
              if (!e) return null;
              return (
                <li
                  key={e.id}
                  className="absolute inset-x-0 flex items-baseline gap-2 truncate border-border border-b px-2 text-xs"
                  style={{ top: r.start, height: ROW, lineHeight: `${ROW}px` }}
                  data-testid="job-event"
                  data-level={e.level}
                >
                  <When value={fromUnix(e.created_at)} className="shrink-0 text-muted tabular-nums" />
                  <span className={`w-10 shrink-0 uppercase ${LEVEL[e.level] ?? "text-muted"}`}>
                    {e.level}
                  </span>
                  <span className="truncate" title={e.message}>
                    {e.message}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
