"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { usageSearch, useUsageReport } from "@/components/queries/use-usage";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { lazyComponent } from "@/components/ui/lazy";
import { Tabs } from "@/components/ui/tabs";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { UserDto } from "@/lib/types";
import { PricesPanel } from "./prices-panel";
import { UsageControls } from "./usage-controls";
import { formatFigure, stackedSeries } from "./usage-data";
import {
  GROUP_LABELS,
  METRIC_LABELS,
  queryOf,
  stateFromSearch,
  stateToSearch,
  type UsageState,
} from "./usage-state";
import { UsageTable } from "./usage-table";
import { UsageTotals } from "./usage-totals";

// uPlot and the chart load with the first chart shown, not with the route.
const StackedChart = lazyComponent(() => import("./chart/stacked-chart").then((m) => m.StackedChart));
const OrgUsagePanel = lazyComponent(() => import("./org/org-usage-panel").then((m) => m.OrgUsagePanel));

/**
 * The Usage page: who spent what, from the proxy's ledger (docs/usage-page.md). Every control lives
 * in the URL. Members see their own calls (the server narrows them); admins everyone's, or one user's.
 */
export function UsageView({ isAdmin }: { isAdmin: boolean; meId: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  // One clock per visit: the presets' days stay put while the page is open.
  const [now] = useState(() => Date.now());
  const state = useMemo(
    () => stateFromSearch(new URLSearchParams(params.toString()), now, isAdmin),
    [params, now, isAdmin],
  );
  const setState = useCallback(
    (s: UsageState) => {
      const qs = stateToSearch(s, now, isAdmin);
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname, now, isAdmin],
  );
  const users = useQuery({
    queryKey: queryKeys.users,
    queryFn: () => apiFetch<{ data: UserDto[] }>("/api/users"),
    enabled: isAdmin,
    staleTime: 60_000,
  });
  const userOptions = (users.data?.data ?? []).map((u) => ({
    id: u.id,
    label: u.name ? `${u.name} (${u.email})` : u.email,
  }));

  const body =
    state.tab === "org" ? (
      <OrgUsagePanel {...queryOf(state, now)} />
    ) : (
      <UsageReportBody state={state} onChange={setState} now={now} />
    );
  return (
    <div className="mx-auto max-w-7xl space-y-4" data-testid="usage-page">
      <div>
        <h1 className="font-semibold text-xl">Usage</h1>
        <p className="text-muted text-sm">
          {isAdmin ? "Every call through Benchtop's proxy" : "Your calls through Benchtop's proxy"}: requests,
          tokens and cost over time. Days and hours are UTC.
        </p>
      </div>
      <UsageControls state={state} onChange={setState} isAdmin={isAdmin} users={userOptions} now={now} />
      {isAdmin ? (
        <Tabs
          label="Usage views"
          items={[
            { id: "usage", label: "Ledger" },
            { id: "org", label: "Organization" },
          ]}
          value={state.tab}
          onValueChange={(tab) => setState({ ...state, tab })}
          panelClassName="pt-4"
        >
          {body}
        </Tabs>
      ) : (
        body
      )}
    </div>
  );
}

function UsageReportBody({
  state,
  onChange,
  now,
}: {
  state: UsageState;
  onChange(s: UsageState): void;
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
          />
          <Tabs
            label="Table rows"
            look="pills"
            items={[
              { id: "keys", label: "Totals" },
              { id: "buckets", label: state.bucket === "hour" ? "Per hour" : "Per day" },
            ]}
            value={state.view}
            onValueChange={(view) => onChange({ ...state, view })}
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
