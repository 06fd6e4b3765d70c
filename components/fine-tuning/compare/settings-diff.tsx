"use client";

import { Badge } from "@/components/ui/badge";
import { type DiffRow, finalMetricKeys, finalMetrics } from "@/lib/fine-tuning/compare";
import type { MetricTable } from "@/lib/fine-tuning/types";
import { Swatch } from "./palette";

interface Column {
  id: string;
  index: number;
}

function Head({ columns, first }: { columns: Column[]; first: string }) {
  return (
    <thead className="text-muted text-xs">
      <tr>
        <th scope="col" className="sticky left-0 bg-surface px-3 py-2 text-left font-medium">
          {first}
        </th>
        {columns.map((c) => (
          <th key={c.id} scope="col" className="px-3 py-2 text-left font-medium">
            <span className="flex items-center gap-1.5 font-mono">
              <Swatch index={c.index} />
              {c.id}
            </span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * Model, method, hyperparameters and files, one row each; a row where the jobs differ is tinted and
 * marked "differs" (words as well as colour). "auto" is what the job was created with; the API shows
 * the resolved number once training starts.
 */
export function SettingsDiff({ columns, rows }: { columns: Column[]; rows: DiffRow[] }) {
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm" data-testid="ft-compare-diff">
        <caption className="px-3 pt-3 text-left font-medium">Settings</caption>
        <Head columns={columns} first="Setting" />
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.label}
              className={`border-border border-t ${r.differs ? "bg-warning-soft" : ""}`}
              data-testid="ft-compare-diff-row"
              data-label={r.label}
              data-differs={r.differs}
            >
              <th
                scope="row"
                className={`sticky left-0 px-3 py-1.5 text-left font-normal ${r.differs ? "bg-warning-soft" : "bg-surface"}`}
              >
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="font-mono text-xs">{r.label}</span>
                  {r.differs && <Badge tone="warning">differs</Badge>}
                </span>
              </th>
              {r.values.map((v, i) => (
                <td key={columns[i]?.id ?? i} className="max-w-64 break-all px-3 py-1.5 font-mono text-xs">
                  {v === "auto" ? <span title="Resolved by the API when training starts">auto</span> : v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(4));

/** Each job's last value of every metric, side by side, with the step it was taken at. */
export function FinalMetrics({
  columns,
  tables,
}: {
  columns: Column[];
  tables: (MetricTable | undefined)[];
}) {
  const finals = tables.map((t) => (t ? finalMetrics(t) : {}));
  const keys = finalMetricKeys(finals);
  if (!keys.length) return null;
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm" data-testid="ft-compare-final">
        <caption className="px-3 pt-3 text-left font-medium">Final metrics</caption>
        <Head columns={columns} first="Metric" />
        <tbody>
          {keys.map((k) => (
            <tr key={k} className="border-border border-t" data-metric={k}>
              <th
                scope="row"
                className="sticky left-0 bg-surface px-3 py-1.5 text-left font-mono font-normal text-xs"
              >
                {k}
              </th>
              {finals.map((f, i) => {
                const cell = f[k];
                return (
                  <td key={columns[i]?.id ?? i} className="px-3 py-1.5 font-mono text-xs tabular-nums">
                    {cell ? (
                      <>
                        {fmt(cell.value)} <span className="text-muted">@{cell.step}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
