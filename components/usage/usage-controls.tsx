"use client";

import type { ReactNode } from "react";
import { USAGE_DIMENSIONS } from "@/lib/usage/report";
import {
  GROUP_LABELS,
  hourAllowed,
  METRIC_LABELS,
  METRICS,
  RANGE_LABELS,
  RANGE_PRESETS,
  type RangePreset,
  type UsageState,
  type UsageUpdate,
  withRange,
} from "./usage-state";

export interface UsageControlsProps {
  state: UsageState;
  onChange: (update: UsageUpdate) => void;
  isAdmin: boolean;
  /** Admins: who may be picked (the users list); members get none. */
  users: { id: string; label: string }[];
  now: number;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: every caller passes its input or select as children.
    <label className="flex min-w-0 flex-col gap-1">
      <span className="label">{label}</span>
      {children}
    </label>
  );
}

/**
 * Range, bucket, grouping, metric and (admins) whose usage: every change goes to the URL. The
 * Organization tab keeps the range and bucket only.
 */
export function UsageControls({ state, onChange, isAdmin, users, now }: UsageControlsProps) {
  const set = <K extends keyof UsageState>(k: K, v: UsageState[K]) => onChange((s) => ({ ...s, [k]: v }));
  const hours = hourAllowed(state, now);
  const groups = USAGE_DIMENSIONS.filter((g) => isAdmin || g !== "user");
  // The organization's figures are the whole key's, by bucket: grouping, the chart and one user's
  // slice are the ledger's controls only.
  const ledger = state.tab !== "org";
  return (
    <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end" data-testid="usage-controls">
      <Field label="Range">
        <select
          className="input h-8 w-auto"
          value={state.range}
          onChange={(e) => onChange((s) => withRange(s, e.target.value as RangePreset, now))}
          data-testid="usage-range"
        >
          {RANGE_PRESETS.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      {state.range === "custom" && (
        <>
          <Field label="From">
            <input
              type="date"
              className="input h-8 w-auto"
              value={state.from}
              max={state.to}
              onChange={(e) => e.target.value && onChange((s) => withRange(s, "custom", now, e.target.value))}
              data-testid="usage-from"
            />
          </Field>
          <Field label="To">
            <input
              type="date"
              className="input h-8 w-auto"
              value={state.to}
              min={state.from}
              onChange={(e) =>
                e.target.value && onChange((s) => withRange(s, "custom", now, undefined, e.target.value))
              }
              data-testid="usage-to"
            />
          </Field>
        </>
      )}
      <Field label="Bucket">
        <select
          className="input h-8 w-auto"
          value={state.bucket}
          onChange={(e) => set("bucket", e.target.value as UsageState["bucket"])}
          title={hours ? undefined : "Hours are offered for ranges of 7 days or fewer"}
          data-testid="usage-bucket"
        >
          <option value="hour" disabled={!hours}>
            Hour
          </option>
          <option value="day">Day</option>
        </select>
      </Field>
      {ledger && (
        <>
          <Field label="Group by">
            <select
              className="input h-8 w-auto"
              value={state.group}
              onChange={(e) => set("group", e.target.value as UsageState["group"])}
              data-testid="usage-group"
            >
              {groups.map((g) => (
                <option key={g} value={g}>
                  {GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Chart">
            <select
              className="input h-8 w-auto"
              value={state.metric}
              onChange={(e) => set("metric", e.target.value as UsageState["metric"])}
              data-testid="usage-metric"
            >
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      {ledger && isAdmin && (
        <Field label="User">
          <select
            className="input h-8 w-auto max-w-56"
            value={state.user ?? ""}
            onChange={(e) => set("user", e.target.value || null)}
            data-testid="usage-user"
          >
            <option value="">Everyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </Field>
      )}
    </div>
  );
}
