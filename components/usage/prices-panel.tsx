"use client";

import { usePrices } from "@/components/queries/use-usage";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatPricePerMillion } from "@/lib/format";
import type { PriceSource } from "@/lib/pricing/types";

const SOURCE_TONE: Record<PriceSource, "neutral" | "accent" | "warning"> = {
  dataset: "neutral",
  catalogue: "accent",
  override: "warning",
};

/** The price per 1M tokens of each model in the range, with where it came from and how old it is. */
export function PricesPanel({ models }: { models: string[] }) {
  const prices = usePrices(models);
  const table = prices.data?.data ?? {};
  const sorted = [...new Set(models)].sort();
  return (
    <section className="card min-w-0 p-3" aria-labelledby="usage-prices-title" data-testid="usage-prices">
      <h2 id="usage-prices-title" className="mb-1 font-medium text-sm">
        Prices
      </h2>
      <p className="mb-2 text-muted text-xs">
        Today's prices per 1M tokens for the models in this range. Past calls keep the price they were made
        at.
      </p>
      {!sorted.length ? (
        <p className="text-muted text-xs">No model calls in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm tabular-nums">
            <thead className="text-muted text-xs">
              <tr>
                <th scope="col" className="py-1 pr-3 text-left font-medium">
                  Model
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Input
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Cached
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Output
                </th>
                <th scope="col" className="py-1 pl-3 text-left font-medium">
                  Source
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => {
                const q = table[m];
                return (
                  <tr key={m} className="border-border border-t" data-testid="usage-price-row" data-model={m}>
                    <td className="max-w-56 truncate py-1 pr-3" title={m}>
                      {m}
                    </td>
                    {q ? (
                      <>
                        <td className="px-2 py-1 text-right">{formatPricePerMillion(q.input)}</td>
                        <td className="px-2 py-1 text-right">
                          {q.cachedInput === null ? "—" : formatPricePerMillion(q.cachedInput)}
                        </td>
                        <td className="px-2 py-1 text-right">{formatPricePerMillion(q.output)}</td>
                        <td className="whitespace-nowrap py-1 pl-3 text-xs">
                          <Badge tone={SOURCE_TONE[q.source]}>{q.sourceName}</Badge>{" "}
                          <span className="text-muted">{formatDate(q.asOf)}</span>
                        </td>
                      </>
                    ) : (
                      <td colSpan={4} className="px-2 py-1 text-muted text-xs">
                        {prices.isPending ? "…" : "No price known: calls count as $0 († above)."}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
