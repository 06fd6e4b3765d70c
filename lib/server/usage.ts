import "server-only";
import type { UsageQuery, UsageReport } from "@/lib/usage/report";
import type { User } from "./auth/users";

/** The ledger aggregated for the Usage page (part "pricing" owns this; stub). Members see their own. */
export async function usageReport(_viewer: User, query: UsageQuery): Promise<UsageReport> {
  return {
    query,
    rows: [],
    keys: [],
    totals: {
      requests: 0,
      errors: 0,
      input: 0,
      cached: 0,
      output: 0,
      reasoning: 0,
      images: 0,
      audioSeconds: 0,
      costMicros: 0,
      estimated: 0,
      unpriced: 0,
    },
  };
}
