"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { OrgUsageReport } from "@/lib/usage/org";
import type { UsageBucket } from "@/lib/usage/report";
import { OrgBuckets, OrgTotals } from "./org-figures";
import { differenceInWords } from "./org-words";
import { SpendControls } from "./spend-controls";

/**
 * Admins, with OPENAI_ADMIN_KEY set: the organization's Usage and Costs APIs beside the ledger for the
 * same range and buckets, the difference called out in words, and the spend limits and alerts. The
 * Usage page mounts it lazily in its "Organization" tab.
 */
export function OrgUsagePanel({ from, to, bucket }: { from: string; to: string; bucket: UsageBucket }) {
  const search = new URLSearchParams({ from, to, bucket }).toString();
  const q = useQuery({
    queryKey: queryKeys.usageOrg(search),
    queryFn: ({ signal }) => apiFetch<OrgUsageReport>(`/api/usage/org?${search}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  if (q.error)
    return (
      <Alert tone="danger" title="Could not load the organization's figures">
        {q.error.message}
      </Alert>
    );
  if (!q.data) return <EmptyState title="Asking OpenAI for the organization's usage…" loading />;
  const r = q.data;
  if (!r.configured)
    return (
      <div data-testid="org-not-configured">
        <Alert title="No admin key set">
          Set <code>OPENAI_ADMIN_KEY</code> in the console's environment to an admin key (platform.openai.com
          → Settings → Admin keys) and restart Benchtop. It is used only for these read-only organization
          endpoints — never for model calls — and never reaches the browser.
        </Alert>
      </div>
    );
  const words = differenceInWords(r.totals.diff);
  return (
    <div className="space-y-4" data-testid="org-usage">
      <Alert tone={words.tone} testId="org-difference">
        {words.text}
      </Alert>
      {r.warnings.map((w) => (
        <Alert key={w} tone="warning">
          {w}
        </Alert>
      ))}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <OrgTotals {...r.totals} />
          <p className="text-muted text-xs">
            OpenAI counts successful model calls (completions, responses, embeddings, images) of the whole
            organization: every key and project, a few minutes late. Benchtop's side counts the same kinds of
            call.
            {bucket === "hour" ? " The Costs API has daily buckets only: choose days to compare cost." : ""}
          </p>
        </div>
        <SpendControls limits={r.spendLimits} alerts={r.spendAlerts} />
      </div>
      <OrgBuckets buckets={r.buckets} bucket={bucket} />
    </div>
  );
}
