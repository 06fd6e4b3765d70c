import "server-only";
import { costMicros } from "@/lib/pricing/cost";
import type { PriceQuote } from "@/lib/pricing/types";
import type { TokenUsage } from "@/lib/usage";
import { quoteFor } from "../pricing";
import { type CallEstimate, FIXED_CALL_MICROS } from "./estimate";
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
  /** The model the call ran (from the body, a multipart field or the answer). */
  model?: string | null;
  /** Images the answer carried (image endpoints). */
  images?: number | null;
  aborted?: boolean;
  stream?: boolean;
  /** False: the upstream never answered (a client that left, a timeout). Default true. */
  answered?: boolean;
  /** Whether the request's last byte was written to the upstream. Default true. */
  sent?: boolean;
}

/** Bytes of answer per output token when no usage arrived (a stream cut short): counted low, so the estimate stays high. */
const ANSWER_BYTES_PER_TOKEN = 4;

/**
 * What a call cost, for its settlement (docs/budgets.md, "Reserve, settle, release"). Null: nothing
 * reached the upstream, or it answered with an error, so the hold is released.
 */
export function actualCost(h: BudgetHold, end: CallEnd): { costMicros: number; tokens: number } | null {
  const whole = { costMicros: h.reservation.costMicros, tokens: h.reservation.tokens };
  // The upstream had the whole request and never answered because the client left (499) or the
  // wait timed out (504): it may still run and bill it, so the worst case held counts. A failed
  // connection (502, e.g. a pooled socket the upstream had closed) ran nothing.
  if (end.answered === false) {
    return end.sent !== false && (end.status === 499 || end.status === 504) ? whole : null;
  }
  if (end.status >= 400) return null;
  const u = end.usage;
  if (h.estimate.fixedMicros !== null) {
    const images = end.images ?? 0;
    if (u && h.quote) {
      const cost = costMicros(h.quote, { ...u, images });
      return { costMicros: cost, tokens: 0 };
    }
    if (images > 0) return { costMicros: Math.min(FIXED_CALL_MICROS * images, whole.costMicros), tokens: 0 };
    return { costMicros: h.estimate.fixedMicros, tokens: 0 };
  }
  const extra = h.estimate.extraMicros ?? 0;
  if (u) {
    const cost = h.quote ? costMicros(h.quote, u) : 0;
    return { costMicros: cost + extra, tokens: u.input + u.output };
  }
  // No usage and the answer is not the whole story: a background Response (queued, billed as it runs
  // later) or a JSON answer the client left (the upstream generated all of it).
  if (h.estimate.background || (end.aborted && !end.stream)) return whole;
  const bytes = end.responseBytes ?? 0;
  const output = Math.min(h.estimate.outputTokens, Math.ceil(bytes / ANSWER_BYTES_PER_TOKEN));
  const input = h.estimate.inputTokens;
  const cost = h.quote ? costMicros(h.quote, { input, output }) : 0;
  return { costMicros: cost + extra, tokens: input + output };
}

/** Settles or releases the hold once the call ended (off the response path; a failure is logged). */
export function endHold(h: BudgetHold, end: CallEnd): void {
  const log = (e: unknown) =>
    console.error(`[budgets] could not settle ${h.reservation.id}: ${(e as Error).message}`);
  const close = (hold: BudgetHold) => {
    const actual = actualCost(hold, end);
    return actual ? settle(h.reservation, actual) : release(h.reservation);
  };
  // A multipart image or audio call's model is known only now: its usage is priced at today's quote.
  if (!h.quote && h.estimate.fixedMicros !== null && end.model && end.usage) {
    quoteFor(end.model)
      .then((quote) => close({ ...h, quote }))
      .catch(log);
    return;
  }
  close(h).catch(log);
}
