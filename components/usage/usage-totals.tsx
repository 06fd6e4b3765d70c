import { formatCount, plural } from "@/lib/format";
import type { UsageReport } from "@/lib/usage/report";
import { formatMicros } from "./usage-data";
import { CostMarks } from "./usage-table";

/** The range's totals, and what the cost marks mean when any call carries one. */
export function UsageTotals({ totals }: { totals: UsageReport["totals"] }) {
  const tokens = totals.input + totals.output;
  const cards: { id: string; label: string; value: React.ReactNode; note?: string }[] = [
    {
      id: "cost",
      label: "Cost",
      value: (
        <>
          <CostMarks estimated={totals.estimated} unpriced={totals.unpriced} />
          {formatMicros(totals.costMicros)}
        </>
      ),
    },
    { id: "requests", label: "Requests", value: formatCount(totals.requests) },
    {
      id: "tokens",
      label: "Tokens",
      value: formatCount(tokens),
      note: `${formatCount(totals.input)} in (${formatCount(totals.cached)} cached) · ${formatCount(totals.output)} out`,
    },
    {
      id: "errors",
      label: "Errors",
      value: formatCount(totals.errors),
      note: totals.requests
        ? `${((totals.errors / totals.requests) * 100).toFixed(1)}% of requests`
        : undefined,
    },
  ];
  return (
    <section aria-label="Totals" className="space-y-2">
      <div className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        {cards.map((c) => (
          <div key={c.id} className="card min-w-0 p-3" data-testid={`usage-total-${c.id}`}>
            <div className="text-muted text-xs">{c.label}</div>
            <div className="font-semibold text-lg tabular-nums">{c.value}</div>
            {c.note && <div className="truncate text-muted text-xs">{c.note}</div>}
          </div>
        ))}
      </div>
      {(totals.estimated > 0 || totals.unpriced > 0) && (
        <p className="text-muted text-xs" data-testid="usage-marks-legend">
          {totals.estimated > 0 && (
            <span className="mr-3">
              <span className="text-warning">≈</span> estimated: {plural(totals.estimated, "call")} reported
              no usage (tokens counted from the request) or used an estimated price.
            </span>
          )}
          {totals.unpriced > 0 && (
            <span>
              <span className="text-danger">†</span> {plural(totals.unpriced, "call")} had no known price and
              count as $0; an admin can set one in Settings → Models.
            </span>
          )}
        </p>
      )}
    </section>
  );
}
