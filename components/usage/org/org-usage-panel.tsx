"use client";

import type { UsageBucket } from "@/lib/usage/report";

/**
 * Admins, with OPENAI_ADMIN_KEY set: the organization's Usage and Costs APIs beside the ledger for the
 * same range and buckets, the difference called out (part "limits" owns this; stub). The Usage page
 * mounts it lazily in its "Organization" tab.
 */
export function OrgUsagePanel(_props: { from: string; to: string; bucket: UsageBucket }) {
  return null;
}
