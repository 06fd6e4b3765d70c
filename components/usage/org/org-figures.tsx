import { formatCount } from "@/lib/format";
import type { OrgFigures, OrgUsageBucket } from "@/lib/usage/org";
import type { UsageBucket } from "@/lib/usage/report";
import { usd } from "./org-words";

const signed = (n: number, f: (n: number) => string) => (n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : f(0));

/** The totals side by side: Benchtop's ledger, OpenAI's figures, and the difference. */
export function OrgTotals({ ledger, org, diff }: { ledger: OrgFigures; org: OrgFigures; diff: OrgFigures }) {
  const rows: [string, (f: OrgFigures) => string, string][] = [
    ["Requests", (f) => formatCount(f.requests), signed(diff.requests, formatCount)],
    ["Tokens", (f) => formatCount(f.tokens), signed(diff.tokens, formatCount)],
    [
      "Cost",
      (f) => usd(f.costMicros),
      diff.costMicros === null ? "—" : signed(diff.costMicros, (n) => usd(n)),
    ],
  ];
  return (
    <table className="w-full text-sm" data-testid="org-totals">
      <thead className="text-left text-muted text-xs">
        <tr>
          <th className="py-1 font-normal" />
          <th className="py-1 pl-3 text-right font-normal">Benchtop</th>
          <th className="py-1 pl-3 text-right font-normal">OpenAI</th>
          <th className="py-1 pl-3 text-right font-normal">OpenAI − Benchtop</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map(([label, f, d]) => (
          <tr key={label} className="border-border border-t">
            <th scope="row" className="py-1 text-left font-normal text-muted">
              {label}
            </th>
            <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">{f(ledger)}</td>
            <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">{f(org)}</td>
            <td
              className="py-1 pl-3 text-right font-medium whitespace-nowrap tabular-nums"
              data-testid={`org-diff-${label.toLowerCase()}`}
            >
              {d}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function label(iso: string, bucket: UsageBucket): string {
  const d = new Date(iso);
  return bucket === "day"
    ? d.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" })
    : d.toLocaleString(undefined, {
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
      });
}

/** Buckets with any traffic on either side; a difference is marked. */
export function OrgBuckets({ buckets, bucket }: { buckets: OrgUsageBucket[]; bucket: UsageBucket }) {
  const busy = buckets.filter(
    (b) => b.ledger.requests || b.org.requests || b.ledger.costMicros || b.org.costMicros,
  );
  if (!busy.length) return <p className="text-muted text-sm">No traffic on either side in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[22rem] text-sm" data-testid="org-buckets">
        <thead className="text-left text-muted text-xs">
          <tr>
            <th className="py-1 font-normal">{bucket === "day" ? "Day (UTC)" : "Hour (UTC)"}</th>
            <th className="py-1 pl-3 text-right font-normal">Benchtop req.</th>
            <th className="py-1 pl-3 text-right font-normal">OpenAI req.</th>
            <th className="py-1 pl-3 text-right font-normal" title="OpenAI − Benchtop">
              Diff.
            </th>
            {bucket === "day" && (
              <th className="py-1 pl-3 text-right font-normal" title="OpenAI − Benchtop">
                Cost diff.
              </th>
            )}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {busy.map((b) => (
            <tr
              key={b.bucket}
              className={`border-border border-t ${b.diff.requests > 0 ? "bg-warning-soft/50" : ""}`}
            >
              <td className="py-1 whitespace-nowrap">{label(b.bucket, bucket)}</td>
              <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                {formatCount(b.ledger.requests)}
              </td>
              <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                {formatCount(b.org.requests)}
              </td>
              <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                {signed(b.diff.requests, formatCount)}
              </td>
              {bucket === "day" && (
                <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                  {b.diff.costMicros === null ? "—" : signed(b.diff.costMicros, (n) => usd(n))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {busy.length < buckets.length && (
        <p className="mt-1 text-muted text-xs">
          {formatCount(buckets.length - busy.length)} empty buckets not shown.
        </p>
      )}
    </div>
  );
}
