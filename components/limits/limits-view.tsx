"use client";

import { HeadroomPanel } from "@/components/budgets/headroom-panel";

/** The Limits page (part "limits" owns this; stub). The caller's headroom panel is part "budgets-ui"'s. */
export function LimitsView(_props: { isAdmin: boolean; meId: string }) {
  return (
    <div className="space-y-4">
      <h1 className="font-semibold text-xl">Limits</h1>
      <HeadroomPanel />
    </div>
  );
}
