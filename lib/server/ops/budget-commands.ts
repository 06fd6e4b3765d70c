import "server-only";
import { formatLimitAmount, formatMicros, limitTitle } from "@/lib/budgets/format";
import { type DraftField, draftFromSettings, type LimitDraft, settingsFromDraft } from "@/lib/budgets/schema";
import {
  type BudgetEntry,
  EMPTY_LIMITS,
  type Headroom,
  type LimitSettings,
  type LimitSubject,
  type LimitUsage,
} from "@/lib/budgets/types";
import { errors } from "@/lib/errors";
import { resolveToken, TOKEN_PREFIX } from "../auth/tokens";
import { findUserForSignIn } from "../auth/users";
import { budgetsWithUse, clearLimits, putLimits, subjectOwner } from "../budget-admin";
import { headroomFor, listBudgets } from "../budgets";
import type { Args, CommandSpec } from "./commands";

/** `budget:set` / `budget:show` (docs/budgets-ui.md): the settings dialog's checks, from a shell. */

/** Each limit flag and the dialog field it fills; "none" (or an empty `--flag=`) clears that one. */
const FLAGS: Record<string, DraftField> = {
  rpm: "rpm",
  tpm: "tpm",
  "usd-per-day": "usdPerDay",
  "usd-per-month": "usdPerMonth",
  models: "models",
  expires: "expires",
  "soft-percent": "softPercent",
};

async function subjectOf(args: Args, required: boolean): Promise<LimitSubject | null> {
  const email = typeof args.email === "string" ? args.email.trim() : "";
  const token = typeof args.token === "string" ? args.token.trim() : "";
  const named = [email, token, args.team === true].filter(Boolean).length;
  if (named > 1) throw errors.badRequest("Name one of --email, --token or --team.", "email");
  if (email) {
    const u = await findUserForSignIn(email);
    if (!u) throw errors.notFound(`No user with email ${email}.`);
    return { kind: "user", id: u.id };
  }
  if (token) {
    // A token's id (from token:list) or the token itself, as a script holds it (with a warning).
    if (token.startsWith(TOKEN_PREFIX)) {
      const t = await resolveToken(token);
      if (!t) throw errors.notFound("That token is invalid, expired or revoked.");
      return { kind: "token", id: t.tokenId };
    }
    const subject: LimitSubject = { kind: "token", id: token };
    await subjectOwner(subject);
    return subject;
  }
  if (args.team === true) return { kind: "team", id: null };
  if (required)
    throw errors.badRequest("Name whose limits: --email EMAIL, --token TOKEN or --team.", "email");
  return null;
}

/** A token's secret on the command line is seen by `ps` and kept in shell history. */
function secretWarning(args: Args): { warning?: string } {
  const token = typeof args.token === "string" ? args.token.trim() : "";
  if (!token.startsWith(TOKEN_PREFIX)) return {};
  return {
    warning:
      "--token was given the token's secret, which `ps` and your shell history can see. Use its id instead (npm run console -- token:list), and rotate the token if others share this machine.",
  };
}

async function currentSettings(subject: LimitSubject): Promise<LimitSettings> {
  const entry = (await listBudgets()).find(
    (e) => e.subject.kind === subject.kind && e.subject.id === subject.id,
  );
  return entry?.settings ?? EMPTY_LIMITS;
}

export const BUDGET_COMMANDS: Record<string, CommandSpec> = {
  "budget:set": {
    usage:
      "budget:set --email E | --token T | --team [--usd-per-day N] [--usd-per-month N] [--rpm N] [--tpm N] [--models a,b] [--expires YYYY-MM-DD] [--soft-percent N] [--clear]",
    summary:
      "Set budgets and limits for a user, a token or the team default; flags not given are kept, 'none' clears one, --clear clears all.",
    async run(args) {
      const subject = await subjectOf(args, true);
      if (!subject) return null;
      if (args.clear === true) {
        await clearLimits(subject, null);
        return { subject, settings: EMPTY_LIMITS, cleared: true };
      }
      const draft: LimitDraft = draftFromSettings(await currentSettings(subject));
      let given = 0;
      for (const [flag, field] of Object.entries(FLAGS)) {
        const v = args[flag];
        if (v === undefined) continue;
        given++;
        const text = String(v).trim();
        draft[field] = text.toLowerCase() === "none" ? "" : text;
      }
      if (!given)
        throw errors.badRequest("Give at least one limit (e.g. --usd-per-day 5) or --clear.", "usd-per-day");
      const r = settingsFromDraft(draft);
      if (!r.ok) {
        const [field, message] = Object.entries(r.errors)[0] ?? ["", "Invalid limits."];
        const flag = Object.keys(FLAGS).find((f) => FLAGS[f] === field) ?? null;
        throw errors.badRequest(`--${flag}: ${message}`, flag);
      }
      await putLimits(subject, r.settings, null);
      return { subject, settings: r.settings, ...secretWarning(args) };
    },
  },
  "budget:show": {
    usage: "budget:show [--email E | --token T] [--json]",
    summary:
      "Budgets and limits with current use: every subject with settings, or one person's (or token's) headroom.",
    async run(args) {
      const subject = await subjectOf(args, false);
      if (!subject) return { budgets: await budgetsWithUse() };
      const owner = await subjectOwner(subject);
      if (!owner) return { budgets: await budgetsWithUse() };
      return {
        subject,
        settings: await currentSettings(subject),
        headroom: await headroomFor(owner.userId, owner.tokenId),
        ...secretWarning(args),
      };
    },
  },
};

const settingsLine = (s: LimitSettings): string =>
  [
    s.usdPerDayMicros !== null && `${formatMicros(s.usdPerDayMicros)}/day`,
    s.usdPerMonthMicros !== null && `${formatMicros(s.usdPerMonthMicros)}/month`,
    s.rpm !== null && `${s.rpm} rpm`,
    s.tpm !== null && `${s.tpm} tpm`,
    s.models && `models ${s.models.join(",")}`,
    s.expiresAt && `expires ${s.expiresAt}`,
    s.softPercent !== null && `soft ${s.softPercent}%`,
  ]
    .filter(Boolean)
    .join("  ") || "no limits";

const usageLine = (l: LimitUsage): string =>
  `  ${limitTitle(l)} (${l.from}): ${formatLimitAmount(l.code, l.used)} used + ${formatLimitAmount(l.code, l.reserved)} reserved of ${formatLimitAmount(l.code, l.limit)}, resets ${l.resetsAt}`;

/** `budget:show` without --json: one line per subject or limit. */
export function describeBudgetShow(r: {
  budgets?: BudgetEntry[];
  subject?: LimitSubject;
  settings?: LimitSettings;
  headroom?: Headroom;
}): string {
  const lines: string[] = [];
  if (r.budgets) {
    if (!r.budgets.length) lines.push("No budgets or limits set.");
    for (const e of r.budgets) {
      lines.push(`${e.subject.kind.padEnd(5)}  ${e.label}  ${settingsLine(e.settings)}`);
      for (const l of e.usage ?? []) lines.push(usageLine(l));
    }
  } else if (r.subject && r.settings && r.headroom) {
    lines.push(`${r.subject.kind} ${r.subject.id}: own settings: ${settingsLine(r.settings)}`);
    if (!r.headroom.limits.length) lines.push("  No limits apply.");
    for (const l of r.headroom.limits) lines.push(usageLine(l));
    if (r.headroom.models) lines.push(`  Allowed models: ${r.headroom.models.join(", ")}`);
    if (r.headroom.expiresAt) lines.push(`  Expires: ${r.headroom.expiresAt}`);
  }
  return `${lines.join("\n")}\n`;
}
