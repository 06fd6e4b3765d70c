import "@/lib/zod-locale";
import * as z from "zod/mini";
import { EMPTY_LIMITS, type LimitSettings, type LimitSubject } from "./types";

/**
 * The one schema of budgets and limits (docs/budgets-ui.md): the `/api/budgets` routes, the ops CLI
 * and the settings dialog all check with it, and dollars typed by people become micro-dollars only
 * here (`dollarsToMicros`), so "12.5" means the same in a form and on a command line.
 */

export const LIMIT_BOUNDS = {
  /** Requests and tokens per minute: positive whole numbers up to these. */
  rpm: 1_000_000,
  tpm: 1_000_000_000,
  /** USD 1,000,000 a day or a month is more than any team means; beyond it is a typo. */
  usdMicros: 1_000_000 * 1_000_000,
  models: 100,
  modelLength: 200,
} as const;

const count = (max: number, what: string) =>
  z.nullable(
    z
      .int({ error: `${what} must be a whole number.` })
      .check(
        z.minimum(1, { error: `${what} must be at least 1 (clear it for no limit).` }),
        z.maximum(max, { error: `${what} must be at most ${max.toLocaleString("en-US")}.` }),
      ),
  );

const micros = (what: string) =>
  z.nullable(
    z
      .int({ error: `${what} must be whole micro-dollars.` })
      .check(
        z.minimum(0, { error: `${what} cannot be negative.` }),
        z.maximum(LIMIT_BOUNDS.usdMicros, { error: `${what} must be at most $1,000,000.` }),
      ),
  );

export const limitSettingsSchema = z.strictObject({
  rpm: count(LIMIT_BOUNDS.rpm, "Requests per minute"),
  tpm: count(LIMIT_BOUNDS.tpm, "Tokens per minute"),
  usdPerDayMicros: micros("Spend per day"),
  usdPerMonthMicros: micros("Spend per month"),
  models: z.nullable(
    z
      .array(
        z
          .string()
          .check(
            z.trim(),
            z.minLength(1, { error: "A model id cannot be empty." }),
            z.maxLength(LIMIT_BOUNDS.modelLength, { error: "A model id is at most 200 characters." }),
          ),
      )
      .check(
        z.minLength(1, { error: "Allow at least one model, or clear the list to allow every model." }),
        z.maxLength(LIMIT_BOUNDS.models, { error: "Allow at most 100 models." }),
      ),
  ),
  expiresAt: z.nullable(z.iso.datetime({ offset: true, error: "Expiry must be an ISO date and time." })),
  softPercent: z.nullable(
    z
      .int({ error: "Soft threshold must be a whole percent." })
      .check(
        z.minimum(1, { error: "Soft threshold must be between 1 and 100 percent." }),
        z.maximum(100, { error: "Soft threshold must be between 1 and 100 percent." }),
      ),
  ),
}) satisfies z.ZodMiniType<LimitSettings>;

export const limitSubjectSchema = z
  .object({
    kind: z.enum(["team", "user", "token"], { error: "kind must be team, user or token." }),
    id: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
  })
  .check(
    z.refine((s) => (s.kind === "team") === (s.id === null), {
      error: "The team has no id; a user or token needs one.",
      path: ["id"],
    }),
  ) satisfies z.ZodMiniType<LimitSubject>;

/** `PUT /api/budgets`. */
export const putBudgetSchema = z.strictObject({ subject: limitSubjectSchema, settings: limitSettingsSchema });

/**
 * Dollars as people type them ("12", "12.50", "$1,200") to integer micro-dollars; null for empty.
 * Throws a message fit to show beside the field.
 */
export function dollarsToMicros(input: string | number): number | null {
  const s = String(input).trim().replace(/^\$/, "").replaceAll(",", "").trim();
  if (s === "") return null;
  const m = /^(\d+)(?:\.(\d{0,6}))?$/.exec(s);
  if (!m) throw new Error("Enter dollars like 12 or 12.50 (up to 6 decimals).");
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? "").padEnd(6, "0"));
  const n = whole * 1_000_000 + frac;
  if (!Number.isSafeInteger(n) || n > LIMIT_BOUNDS.usdMicros) throw new Error("Enter at most $1,000,000.");
  return n;
}

/** Micro-dollars back to the text a form shows: "12.5", never trailing zeros or float noise. */
export function microsToDollars(micros: number | null): string {
  if (micros === null) return "";
  const whole = Math.floor(micros / 1_000_000);
  const frac = String(micros % 1_000_000)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

/** What the dialog and the CLI hold: text per field, an empty one meaning "no limit / inherit". */
export interface LimitDraft {
  rpm: string;
  tpm: string;
  usdPerDay: string;
  usdPerMonth: string;
  /** Comma- or newline-separated model ids. */
  models: string;
  /** A date (YYYY-MM-DD, the end of that day UTC) or an ISO date-time. */
  expires: string;
  softPercent: string;
}
export type DraftField = keyof LimitDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftFromSettings(s: LimitSettings): LimitDraft {
  return {
    rpm: s.rpm === null ? "" : String(s.rpm),
    tpm: s.tpm === null ? "" : String(s.tpm),
    usdPerDay: microsToDollars(s.usdPerDayMicros),
    usdPerMonth: microsToDollars(s.usdPerMonthMicros),
    models: s.models?.join(", ") ?? "",
    expires: s.expiresAt ? s.expiresAt.slice(0, 10) : "",
    softPercent: s.softPercent === null ? "" : String(s.softPercent),
  };
}

export const EMPTY_DRAFT: LimitDraft = draftFromSettings(EMPTY_LIMITS);

/** Which draft field a settings key is typed into (for errors the schema reports by settings key). */
const FIELD_OF: Record<keyof LimitSettings, DraftField> = {
  rpm: "rpm",
  tpm: "tpm",
  usdPerDayMicros: "usdPerDay",
  usdPerMonthMicros: "usdPerMonth",
  models: "models",
  expiresAt: "expires",
  softPercent: "softPercent",
};
export const draftFieldOf = (param: string | null | undefined): DraftField | null => {
  const key = param?.replace(/^settings\./, "").split(".")[0] as keyof LimitSettings | undefined;
  return (key && FIELD_OF[key]) || null;
};

const numberOrText = (s: string): number | string | null => {
  const t = s.trim().replaceAll(",", "").replaceAll("_", "");
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};

/** A date alone means through the end of that day (UTC): "expires 2027-01-31" still works on the 31st. */
function expiryIso(s: string): string | null | { error: string } {
  const t = s.trim();
  if (t === "") return null;
  // Only a date or a full ISO time: `new Date("5")` is 2001-05-01, an expiry already past.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  const full = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t);
  const d = new Date(dateOnly ? `${t}T23:59:59.999Z` : t);
  if ((!dateOnly && !full) || Number.isNaN(d.getTime())) return { error: "Enter a date like 2027-01-31." };
  return d.toISOString();
}

/** The draft as settings, or an error per field; the one conversion the dialog and the CLI share. */
export function settingsFromDraft(
  draft: LimitDraft,
): { ok: true; settings: LimitSettings } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const dollars = (field: "usdPerDay" | "usdPerMonth"): unknown => {
    try {
      return dollarsToMicros(draft[field]);
    } catch (e) {
      errors[field] = (e as Error).message;
      return null;
    }
  };
  const expiry = expiryIso(draft.expires);
  if (expiry && typeof expiry === "object") errors.expires = expiry.error;
  const models = draft.models
    .split(/[\s,]+/)
    .map((m) => m.trim())
    .filter(Boolean);
  const candidate = {
    rpm: numberOrText(draft.rpm),
    tpm: numberOrText(draft.tpm),
    usdPerDayMicros: dollars("usdPerDay"),
    usdPerMonthMicros: dollars("usdPerMonth"),
    models: models.length ? models : null,
    expiresAt: typeof expiry === "string" ? expiry : null,
    softPercent: numberOrText(draft.softPercent),
  };
  const r = limitSettingsSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = draftFieldOf(String(issue.path[0] ?? ""));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length || !r.success) return { ok: false, errors };
  return { ok: true, settings: r.data };
}

/** True when every setting is empty: saving it is the same as clearing (inherit the team's). */
export const isEmptySettings = (s: LimitSettings) => Object.values(s).every((v) => v === null);
