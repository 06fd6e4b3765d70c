import type { SpendAlertInfo, SpendLimitInfo } from "@/lib/usage/org";
import { dollars } from "./org-words";

const scopeName = (scope: string, projectId: string | null) =>
  scope === "organization" ? "Organization" : `Project ${projectId ?? ""}`;

/** The org's and project's hard spend limits and alerts, as OpenAI keeps them (read-only here). */
export function SpendControls({ limits, alerts }: { limits: SpendLimitInfo[]; alerts: SpendAlertInfo[] }) {
  return (
    <div className="space-y-2 text-sm" data-testid="org-spend">
      <h3 className="font-medium">Spend limits and alerts (OpenAI)</h3>
      {limits.length === 0 && alerts.length === 0 ? (
        <p className="text-muted">
          No hard spend limit or alert is set for the organization or this project.
        </p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border">
          {limits.map((l) => (
            <li
              key={`limit-${l.scope}`}
              className="flex flex-wrap justify-between gap-x-3 px-3 py-1.5"
              data-testid="org-spend-limit"
            >
              <span>
                {scopeName(l.scope, l.projectId)} hard limit{" "}
                <span className="text-muted text-xs">({l.enforcement})</span>
              </span>
              <span className="tabular-nums">
                {dollars(l.thresholdMicros)} / {l.interval}
              </span>
            </li>
          ))}
          {alerts.map((a) => (
            <li
              key={`alert-${a.id}`}
              className="flex flex-wrap justify-between gap-x-3 px-3 py-1.5"
              data-testid="org-spend-alert"
            >
              <span className="min-w-0 break-words">
                {scopeName(a.scope, a.projectId)} alert
                {a.recipients.length > 0 && (
                  <span className="text-muted text-xs"> → {a.recipients.join(", ")}</span>
                )}
              </span>
              <span className="tabular-nums">
                {dollars(a.thresholdMicros)} / {a.interval}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-muted text-xs">
        Change them on platform.openai.com (Settings → Limits). Benchtop's own budgets are separate and act
        before a call leaves.
      </p>
    </div>
  );
}
