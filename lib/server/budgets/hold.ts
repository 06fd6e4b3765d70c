import "server-only";
import { costMicros } from "@/lib/pricing/cost";
import type { PriceQuote } from "@/lib/pricing/types";
import type { TokenUsage } from "@/lib/usage";
import type { CallEstimate } from "./estimate";
import { type Reservation, release, settle } from "./index";

/** A call's reservation and what it was priced at, carried from the hook to the end of the call. */
export interface BudgetHold {
  reservation: Reservation;
  estimate: CallEstimate;
  /** The price the hold was made at; the settlement uses the same. Null for a fixed-price or unbilled call. */
  quote: PriceQuote | null;
}

/** What the end of a call knows (the fields of its ledger entry). */
export interface CallEnd {
  status: number;
  usage?: TokenUsage | null;
  responseBytes?: number;
}

/** Bytes of answer per output token when no usage arrived (a stream cut short): counted low, so the estimate stays high. */
const ANSWER_BYTES_PER_TOKEN = 4;

/**
 * What a call cost, for its settlement: the reported usage at the hold's price; without usage, an
 * estimate from the bytes that arrived (capped at the hold); a fixed-price call counts its hold.
 * Null: nothing was used (an error answer, or no answer at all), so the hold is released.
 */
export function actualCost(h: BudgetHold, end: CallEnd): { costMicros: number; tokens: number } | null {
  const bytes = end.responseBytes ?? 0;
  if (end.status >= 400 || (!end.usage && bytes === 0)) return null;
  if (h.estimate.fixedMicros !== null) return { costMicros: h.estimate.fixedMicros, tokens: 0 };
  if (end.usage) {
    const u = end.usage;
    const cost = h.quote ? costMicros(h.quote, { input: u.input, cached: u.cached, output: u.output }) : 0;
    return { costMicros: cost, tokens: u.input + u.output };
  }
  const output = Math.min(h.estimate.outputTokens, Math.ceil(bytes / ANSWER_BYTES_PER_TOKEN));
  const input = h.estimate.inputTokens;
  const cost = h.quote ? costMicros(h.quote, { input, output }) : 0;
  return { costMicros: cost, tokens: input + output };
}

/** Settles or releases the hold once the call ended (off the response path; a failure is logged). */
export function endHold(h: BudgetHold, end: CallEnd): void {
  const actual = actualCost(h, end);
  const done = actual ? settle(h.reservation, actual) : release(h.reservation);
  done.catch((e: unknown) =>
    console.error(`[budgets] could not settle ${h.reservation.id}: ${(e as Error).message}`),
  );
}
