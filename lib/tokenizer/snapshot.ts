/**
 * What a tokenizer share link holds (kind "tokenizer"): the mode, the encoding and model, and the
 * text or the messages, versioned. Written once; read back through `readTokenizerSnapshot`, which
 * accepts only this shape, so a tampered or future snapshot cannot put odd values in the page.
 */
import type { Encoding } from "@/lib/openai-facts";
import { isEncoding } from "@/lib/tokens/encodings";
import { type ChatRole, isChatRole } from "./chat";

export const TOKENIZER_MODES = ["text", "chat"] as const;
export type TokenizerMode = (typeof TOKENIZER_MODES)[number];

export interface TokenizerSnapshot {
  version: 1;
  mode: TokenizerMode;
  /** The encoding in use when shared (the override, or the model's). */
  encoding: Encoding;
  model: string;
  encodingOverride: Encoding | null;
  allowSpecial: boolean;
  /** Text mode. */
  text?: string;
  /** Chat mode. */
  messages?: { role: ChatRole; content: string }[];
  tools?: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function readTokenizerSnapshot(x: unknown): TokenizerSnapshot | null {
  if (!isRecord(x) || x.version !== 1) return null;
  const mode = TOKENIZER_MODES.find((m) => m === x.mode);
  if (!mode || !isEncoding(x.encoding)) return null;
  const snap: TokenizerSnapshot = {
    version: 1,
    mode,
    encoding: x.encoding,
    model: typeof x.model === "string" ? x.model : "",
    encodingOverride: isEncoding(x.encodingOverride) ? x.encodingOverride : null,
    allowSpecial: x.allowSpecial === true,
  };
  if (mode === "text") {
    if (typeof x.text !== "string") return null;
    snap.text = x.text;
  } else {
    if (!Array.isArray(x.messages)) return null;
    snap.messages = x.messages
      .filter((m): m is Record<string, unknown> => isRecord(m) && isChatRole(m.role))
      .map((m) => ({ role: m.role as ChatRole, content: typeof m.content === "string" ? m.content : "" }));
    snap.tools = typeof x.tools === "string" ? x.tools : "";
  }
  return snap;
}
