"use client";

import { microsColumn } from "@/lib/budgets/format";
import type { UsageReport } from "@/lib/usage/report";
import {
  type BucketRow,
  bucketRows,
  FIGURE_LABELS,
  FIGURES,
  type FigureName,
  formatFigure,
  type KeyRow,
  keyRows,
  sortRows,
} from "./usage-data";
import { GROUP_LABELS, type UsageState, type UsageUpdate } from "./usage-state";

export interface UsageTableProps {
  report: UsageReport;
  state: UsageState;
  onChange: (update: UsageUpdate) => void;
}

/** "≈" on a cost that includes estimated calls, "†" when some calls had no price (counted as $0). */
export function CostMarks({ estimated, unpriced }: { estimated: number; unpriced: number }) {
  return (
    <>
      {estimated > 0 && (
        <abbr
          title={`${estimated} estimated`}
          className="mr-0.5 text-warning no-underline"
          data-testid="usage-estimated"
        >
          ≈
        </abbr>
      )}
      {unpriced > 0 && (
        <abbr
          title={`${unpriced} without a price`}
          className="mr-0.5 text-danger no-underline"
          data-testid="usage-unpriced"
        >
          †
        </abbr>
      )}
    </>
  );
}

const bucketText = (iso: string, bucket: "hour" | "day") =>
  bucket === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);

/**
 * The range's figures: one row per key, or one per bucket and key (the CSV's rows, in its order).
 * Headers sort; the sort is in the URL with the rest.
 */
export function UsageTable({ report, state, onChange }: UsageTableProps) {
  const perBucket = state.view === "buckets";
  const rows: (KeyRow | BucketRow)[] = perBucket
    ? bucketRows(report)
    : sortRows(keyRows(report), state.sort, state.dir);
  const sortBy = (col: string) =>
    onChange((s) => ({
      ...s,
      sort: col,
      dir: s.sort === col && s.dir === "desc" ? "asc" : "desc",
    }));
  const cost = microsColumn(rows.map((r) => r.costMicros));
  // On a narrow screen the figures scroll sideways under the name they belong to.
  const pinned = perBucket ? "" : "sticky left-0 bg-surface";
  const header = (col: string, label: string, right: boolean) => {
    const active = !perBucket && state.sort === col;
    return (
      <th
        key={col}
        scope="col"
        className={`px-2 py-2 font-medium sm:px-3 ${right ? "text-right" : `text-left ${pinned}`}`}
        aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        {perBucket ? (
          label
        ) : (
          <button
            type="button"
            className={`whitespace-nowrap hover:text-fg ${active ? "text-fg" : ""}`}
            onClick={() => sortBy(col)}
            data-testid={`usage-sort-${col}`}
          >
            {label}
            {active ? (state.dir === "asc" ? " ↑" : " ↓") : ""}
          </button>
        )}
      </th>
    );
  };
  return (
    // A box of its own that scrolls both ways, so the header stays above a long range's rows.
    <div className="card max-h-[70vh] min-w-0 overflow-auto" data-testid="usage-table">
      <table className="w-full text-sm tabular-nums">
        <thead className="sticky top-0 z-10 bg-surface text-muted text-xs shadow-[0_1px_0_var(--color-border)]">
          <tr>
            {perBucket && (
              <th scope="col" className="px-2 py-2 text-left font-medium sm:px-3">
                {state.bucket === "hour" ? "Hour (UTC)" : "Day (UTC)"}
              </th>
            )}
            {header("label", state.group === "none" ? "All" : GROUP_LABELS[state.group], false)}
            {FIGURES.map((f) => header(f, FIGURE_LABELS[f], true))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const bucket = "bucket" in r ? r.bucket : undefined;
            return (
              <tr
                key={`${bucket ?? ""}|${r.key ?? ""}`}
                className="border-border border-t"
                data-testid="usage-row"
                data-bucket={bucket}
                data-key={r.key ?? ""}
              >
                {bucket && (
                  <td className="whitespace-nowrap px-2 py-1.5 text-muted sm:px-3">
                    {bucketText(bucket, state.bucket)}
                  </td>
                )}
                <td
                  className={`max-w-28 truncate px-2 py-1.5 sm:max-w-64 sm:px-3 ${pinned}`}
                  title={r.key ?? undefined}
                >
                  {r.label}
                </td>
                {FIGURES.map((f: FigureName) => (
                  <td
                    key={f}
                    className="whitespace-nowrap px-2 py-1.5 text-right sm:px-3"
                    data-col={f}
                    data-value={r[f]}
                  >
                    {f === "costMicros" && <CostMarks estimated={r.estimated} unpriced={r.unpriced} />}
                    {f === "costMicros" ? cost(r[f]) : formatFigure(f, r[f])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
