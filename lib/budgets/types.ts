/**
 * Budgets and limits (issue 15): what an admin sets per user, per token and as the team's defaults,
 * what the proxy enforces before a call goes upstream, and what each person sees of their headroom.
 * Money is integer micro-dollars (1 USD = 1,000,000) everywhere on the server and in the API, so
 * sums never drift; the pages format it with lib/format.ts.
 */

/** Whose limits: the team's defaults (for every user without their own), one user, one token. */
export type LimitSubjectKind = "team" | "user" | "token";
export interface LimitSubject {
  kind: LimitSubjectKind;
  /** The user's or token's id; null for the team. */
  id: string | null;
}

/** One subject's settings; null means "no limit of this kind" (for a user or token: "the team's default applies" — see `inherits`). */
export interface LimitSettings {
  rpm: number | null;
  tpm: number | null;
  usdPerDayMicros: number | null;
  usdPerMonthMicros: number | null;
  /** Model ids or family prefixes (catalogue matching: `gpt-4o` covers `gpt-4o-2024-08-06`); null = all. */
  models: string[] | null;
  /** ISO time after which calls are refused (`budget_expired`); null = never. */
  expiresAt: string | null;
  /** Percent of a spend budget at which the person is told (a console notice); null = the default, 80. */
  softPercent: number | null;
}

export const EMPTY_LIMITS: LimitSettings = {
  rpm: null,
  tpm: null,
  usdPerDayMicros: null,
  usdPerMonthMicros: null,
  models: null,
  expiresAt: null,
  softPercent: null,
};

export const DEFAULT_SOFT_PERCENT = 80;

/** The `code` of the proxy's 429 (403 for the model and expiry refusals), one per limit. */
export const LIMIT_CODES = [
  "budget_exceeded",
  "rpm_exceeded",
  "tpm_exceeded",
  "model_not_allowed",
  "budget_expired",
] as const;
export type LimitCode = (typeof LIMIT_CODES)[number];

/** Windows are fixed and in UTC: the minute, the day, the calendar month. */
export type LimitWindow = "minute" | "day" | "month";

/** One limit as it stands for a person now: what counts, against what, until when. */
export interface LimitUsage {
  code: LimitCode;
  /** Which subject's setting it is (a token's limit and its user's both apply). */
  subject: LimitSubject;
  /** Where the value came from: the subject's own setting or the team default. */
  from: "own" | "team";
  window: LimitWindow;
  limit: number;
  /** Settled use in the window (micro-dollars for spend, requests or tokens otherwise). */
  used: number;
  /** Reserved by calls still running. */
  reserved: number;
  /** ISO time the window resets. */
  resetsAt: string;
  /** For a token's limit in a person's own view: the token's name. */
  label?: string;
  /** The soft percent of the limit's own subject (a token's differs from its user's). */
  softPercent?: number;
  /**
   * ISO time this limit first refused a call in the current window. A bar short of 100% can refuse:
   * a call is held at its worst case before it runs, and that must fit in what is left.
   */
  refusedAt?: string;
}

/** `GET /api/budgets/me`: the caller's own limits and headroom (every user sees their own). */
export interface Headroom {
  limits: LimitUsage[];
  models: string[] | null;
  expiresAt: string | null;
  softPercent: number;
  /**
   * Signed in (not through a token): each live token with settings of its own, as a call made with
   * it is judged (its allow-list and its account's together, the earlier expiry, its own threshold).
   */
  tokens?: TokenPlanSummary[];
}

export interface TokenPlanSummary {
  /** The token's id (two tokens may share a name). */
  id: string;
  name: string;
  models: string[] | null;
  expiresAt: string | null;
  softPercent: number;
}

/** `GET /api/budgets` (admin): every subject with settings. `PUT /api/budgets` body: {subject, settings}. */
export interface BudgetEntry {
  subject: LimitSubject;
  /** For the pages: the user's email or the token's name and its user's email. */
  label: string;
  settings: LimitSettings;
  updatedAt: string;
  updatedBy: string | null;
  /** The subject's own limits as they stand now (filled by `GET /api/budgets`; none for the team). */
  usage?: LimitUsage[];
}

/** A console notice (a soft threshold crossed, a limit hit); `GET /api/notices`, `POST /api/notices/{id}/dismiss`. */
export interface Notice {
  id: string;
  kind: "soft_threshold" | "limit_hit";
  code: LimitCode | null;
  message: string;
  createdAt: string;
  /** Where to look: `/limits` for the headroom. */
  href: string | null;
}
