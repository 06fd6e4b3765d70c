import * as z from "zod/mini";
import { CHAT_ROLES, ENCODINGS } from "@/lib/openai-facts";
import "@/lib/zod-locale";
import { isEncoding } from "@/lib/tokens/encodings";
import { TOKENIZER_MODES } from "./snapshot";

/**
 * The tokenizer's draft as persisted in localStorage, and the one schema it is read through: a
 * draft that does not parse is set aside (lib/draft-storage.ts) instead of breaking the page.
 */

export const MAX_DRAFT_MESSAGES = 1000;

export const tokenizerDraftSchema = z.object({
  mode: z.enum(TOKENIZER_MODES),
  text: z.string(),
  messages: z
    .array(z.object({ id: z.string(), role: z.enum(CHAT_ROLES), content: z.string() }))
    .check(z.maxLength(MAX_DRAFT_MESSAGES)),
  tools: z.string(),
  model: z.string(),
  encodingOverride: z.nullable(z.enum(ENCODINGS)),
  allowSpecial: z.boolean(),
  view: z.enum(["text", "ids"]),
  /** Texts larger than this (UTF-8 megabytes) are refused before tokenizing. */
  limitMb: z.number().check(z.positive()),
  idsInput: z.string(),
  /** The last text was too large to keep in the browser. */
  textNotKept: z.optional(z.boolean()),
});
export type TokenizerDraft = z.infer<typeof tokenizerDraftSchema>;

export type DraftRead = { ok: true; value: TokenizerDraft } | { ok: false; reason: string };

/**
 * Missing fields (a draft from an older build) come from `defaults`, and the values older builds
 * could leave behind (an encoding no longer offered, an unknown view) are reset; any other wrong
 * type fails with its path.
 */
export function readTokenizerDraft(raw: unknown, defaults: TokenizerDraft): DraftRead {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, reason: "not an object" };
  const p = raw as Record<string, unknown>;
  const filled = {
    ...defaults,
    ...p,
    encodingOverride:
      typeof p.encodingOverride === "string" && !isEncoding(p.encodingOverride)
        ? null
        : (p.encodingOverride ?? null),
    view: typeof p.view === "string" && p.view !== "ids" ? "text" : (p.view ?? defaults.view),
    limitMb:
      typeof p.limitMb === "number" && !(p.limitMb > 0) ? defaults.limitMb : (p.limitMb ?? defaults.limitMb),
  };
  const r = tokenizerDraftSchema.safeParse(filled);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  return { ok: false, reason: `${path ? `${path}: ` : ""}${issue?.message ?? "invalid"}` };
}
