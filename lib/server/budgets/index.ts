import "server-only";
import type { BudgetEntry, Headroom, LimitSettings, LimitSubject, Notice } from "@/lib/budgets/types";

/**
 * Budgets and limits enforced in the proxy (issue 15; docs/budgets.md). Part "enforce" owns this
 * module: the counters live in the database (PGlite or PostgreSQL, one dialect), the reservation is
 * one atomic statement, so several instances on one PostgreSQL admit the same calls one would.
 */

/** What the proxy knows of a call before it goes upstream. */
export interface ReserveInput {
  userId: string;
  tokenId: string | null;
  /** The model the body names (after a `prompt` expansion), or null when it could not be read. */
  model: string | null;
  /** `/v1/...` */
  path: string;
  /** The worst case: input estimate plus max output tokens at the model's price. */
  costMicros: number;
  /** Input estimate plus max output tokens, for tokens-per-minute. */
  tokens: number;
}

/** A call's hold on its counters, settled or released exactly once. */
export interface Reservation {
  id: string;
  costMicros: number;
  tokens: number;
}

/**
 * Checks every limit that applies (the token's, the user's or the team default) and holds the
 * worst case. Null when no limit applies (nothing to settle). Throws the 429 / 403 ApiError
 * (`budget_exceeded`, `rpm_exceeded`, … with `retry-after`) when one would be passed.
 */
export async function reserve(_input: ReserveInput): Promise<Reservation | null> {
  return null;
}

/** The call ended with usage: the hold becomes the real cost and tokens. */
export async function settle(
  _r: Reservation,
  _actual: { costMicros: number; tokens: number },
): Promise<void> {}

/** The call failed before any usage: the hold is let go. */
export async function release(_r: Reservation): Promise<void> {}

export async function listBudgets(): Promise<BudgetEntry[]> {
  return [];
}

export async function setLimits(
  _subject: LimitSubject,
  _settings: LimitSettings,
  _by: string | null,
): Promise<void> {}

export async function headroomFor(_userId: string, _tokenId: string | null): Promise<Headroom> {
  return { limits: [], models: null, expiresAt: null, softPercent: 80 };
}

export async function noticesFor(_userId: string): Promise<Notice[]> {
  return [];
}

export async function dismissNotice(_userId: string, _id: string): Promise<void> {}
