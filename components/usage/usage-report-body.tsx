"use client";

import { useMemo } from "react";
import { usageSearch, useUsageReport } from "@/components/queries/use-usage";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { lazyComponent } from "@/components/ui/lazy";
import { Tabs } from "@/components/ui/tabs";
import { PricesPanel } from "./prices-panel";
import { formatFigure, formatTick, stackedSeries } from "./usage-data";
import { GROUP_LABELS, METRIC_LABELS, queryOf, type UsageState, type UsageUpdate } from "./usage-state";
import { UsageTable } from "./usage-table";
import { UsageTotals } from "./usage-totals";

// uPlot and the chart load with the first chart shown, not with the route.
const StackedChart = lazyComponent(() => import("./chart/stacked-chart").then((m) => m.StackedChart));

/** The report for the controls' query: totals, chart, table with its CSV link, prices. */
export function UsageReportBody({
  state,
  onChange,
  now,
}: {
  state: UsageState;
  onChange: (update: UsageUpdate) => void;
  now: number;
}) {
  const query = queryOf(state, now);
  const report = useUsageReport(query);
  // The prices panel needs the range's models whatever the grouping; by model it is the same query.
  const byModel = useUsageReport({ ...query, group: "model" });
  const models = useMemo(
    () => (byModel.data?.rows ?? []).map((r) => r.key).filter((k): k is string => !!k),
    [byModel.data],
  );
  const data = report.data;
  const chart = useMemo(() => (data ? stackedSeries(data, state.metric) : null), [data, state.metric]);
  if (report.error && !data)
    return (
      <Alert tone="danger" title="Could not load usage">
        {report.error.message}
      </Alert>
    );
  if (!data || !chart) return <EmptyState loading title="Loading usage…" />;
  const empty = data.rows.length === 0;
  const csv = `/api/usage?${usageSearch(query)}&format=csv`;
  return (
    <div className="space-y-4" data-testid="usage-report" aria-busy={report.isFetching}>
      <UsageTotals totals={data.totals} />
      {empty ? (
        <div className="card">
          <EmptyState title="No usage in this range">
            Calls made through Benchtop (the playground, or an SDK pointed at its proxy) show here.
          </EmptyState>
        </div>
      ) : (
        <>
          <StackedChart
            title={`${METRIC_LABELS[state.metric]} by ${state.group === "none" ? "time" : GROUP_LABELS[state.group].toLowerCase()}`}
            data={chart}
            bucket={state.bucket}
            formatValue={(v) => formatFigure(state.metric, v)}
            formatTick={(v) => formatTick(state.metric, v)}
          />
          <Tabs
            label="Table rows"
            look="pills"
            items={[
              { id: "keys", label: "Totals" },
              { id: "buckets", label: state.bucket === "hour" ? "Per hour" : "Per day" },
            ]}
            value={state.view}
            onValueChange={(view) => onChange((s) => ({ ...s, view }))}
            panelClassName="pt-2"
            aside={
              <a href={csv} download className={buttonClass({ size: "sm" })} data-testid="usage-csv">
                Download CSV
              </a>
            }
          >
            <UsageTable report={data} state={state} onChange={onChange} />
          </Tabs>
        </>
      )}
      <PricesPanel models={models} />
    </div>
  );
}
