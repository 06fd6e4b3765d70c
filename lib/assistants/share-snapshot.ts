import * as z from "zod/mini";
import type { ChatItem } from "./chat-stream";
import { ASSISTANT_ID } from "./schema";

/**
 * A share link of kind `assistant` (docs/assistants-chat.md): a test chat's conversation as it was
 * rendered — the assistant's name and version, and each turn's items with its usage and timings.
 * Plain JSON with no secrets: MCP header values never reach the browser, encrypted reasoning and
 * streaming partials are dropped here, and the server refuses a snapshot holding anything shaped
 * like a key (lib/server/shares.ts). Read with this schema on write, on read and in the view.
 */

const MAX_TURNS = 200;
const MAX_ITEMS = 500;

/** Items stay in the API's shape; only their type is checked, the renderers read the rest defensively. */
const itemSchema = z.looseObject({ type: z.string().check(z.maxLength(100)) });

const usageSchema = z.object({
  input: z.number(),
  cached: z.number(),
  output: z.number(),
  reasoning: z.number(),
});

export const assistantShareTurnSchema = z.object({
  version: z.nullable(z.number()),
  model: z.nullable(z.string().check(z.maxLength(200))),
  items: z.array(itemSchema).check(z.maxLength(MAX_ITEMS)),
  usage: z.nullable(usageSchema),
  costUsd: z.nullable(z.number()),
  ttfbMs: z.nullable(z.number()),
  durationMs: z.nullable(z.number()),
  /** The turn's error as the chat showed it (its status, type and code pick the advice). */
  error: z.nullable(
    z.object({
      message: z.string().check(z.maxLength(10_000)),
      type: z.string().check(z.maxLength(100)),
      code: z.nullable(z.string().check(z.maxLength(200))),
      status: z.nullable(z.number()),
    }),
  ),
});
export type AssistantShareTurn = z.infer<typeof assistantShareTurnSchema>;

export const assistantShareSnapshotSchema = z.object({
  version: z.literal(1),
  assistant: z.object({
    id: z.string().check(z.regex(ASSISTANT_ID)),
    name: z.string().check(z.maxLength(256)),
    version: z.nullable(z.number()),
  }),
  turns: z.array(assistantShareTurnSchema).check(z.maxLength(MAX_TURNS)),
});
export type AssistantShareSnapshot = z.infer<typeof assistantShareSnapshotSchema>;

export type ParsedShare =
  | { ok: true; value: AssistantShareSnapshot }
  | { ok: false; path: string; message: string };

export function readAssistantShareSnapshot(raw: unknown): ParsedShare {
  const r = assistantShareSnapshotSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    path: issue?.path.map(String).join(".") ?? "",
    message: issue?.message ?? "Not an assistant conversation snapshot.",
  };
}

/** What a shared item keeps: what the page shows, without encrypted reasoning or streaming partials. */
export function shareableItem(item: ChatItem): ChatItem {
  const { encrypted_content: _e, partial_image_b64: _p, ...rest } = item;
  return rest as ChatItem;
}
