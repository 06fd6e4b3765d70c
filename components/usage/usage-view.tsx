"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useUsageReport } from "@/components/queries/use-usage";
import { lazyComponent } from "@/components/ui/lazy";
import { Tabs } from "@/components/ui/tabs";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { UserDto } from "@/lib/types";
import { UsageControls } from "./usage-controls";
import { queryOf, stateFromSearch, stateToSearch, type UsageUpdate } from "./usage-state";

// The report's pieces cannot show before its data arrives: they load beside the first request
// (preloaded at mount), out of the route's first-load JavaScript.
const UsageReportBody = lazyComponent(() => import("./usage-report-body").then((m) => m.UsageReportBody));
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
  useEffect(() => UsageReportBody.preload(), []);
  const state = useMemo(
    () => stateFromSearch(new URLSearchParams(params.toString()), now, isAdmin),
    [params, now, isAdmin],
  );
  // Each change applies to the URL as it is now, not to the render's `state`: two choices made
  // before React re-renders (Next updates the search params in a transition) must both stay.
  const setState = useCallback(
    (update: UsageUpdate) => {
      const current = stateFromSearch(new URLSearchParams(window.location.search), now, isAdmin);
      const qs = stateToSearch(update(current), now, isAdmin);
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname, now, isAdmin],
  );
  // Started here, not in the lazy body, so the request runs while the body's code loads.
  useUsageReport(queryOf(state, now));
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
          tokens and cost over time. Days and hours are UTC; a range counts whole days or hours.
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
          onValueChange={(tab) => setState((s) => ({ ...s, tab }))}
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
