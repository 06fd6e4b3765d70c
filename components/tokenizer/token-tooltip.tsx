"use client";

import type { CSSProperties, Ref } from "react";
import { formatCount } from "@/lib/format";
import type { Tokenized } from "./use-tokenization";

const utf8 = new TextEncoder();
const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
const MAX_LISTED = 8;

export interface TokenTooltipProps {
  result: Tokenized;
  seg: number;
  special: boolean;
  flagged: boolean;
  style?: CSSProperties;
  ref?: Ref<HTMLDivElement>;
}

/** The id(s) and bytes of one segment: shown on hover, and for the token the arrow keys reach. */
export function TokenTooltip({ result, seg, special, flagged, style, ref }: TokenTooltipProps) {
  const first = result.segTokens[seg] ?? 0;
  const end = result.segTokens[seg + 1] ?? first;
  const text = result.text.slice(result.segStarts[seg], result.segStarts[seg + 1]);
  const bytes = utf8.encode(text);
  const tokens: { id: number; bytes: Uint8Array }[] = [];
  let at = 0;
  for (let t = first; t < end && tokens.length < MAX_LISTED; t++) {
    const n = result.tokenBytes[t] ?? 0;
    tokens.push({ id: result.ids[t] ?? 0, bytes: bytes.subarray(at, at + n) });
    at += n;
  }
  const count = end - first;
  return (
    <div
      ref={ref}
      role="status"
      data-testid="token-tooltip"
      className="pointer-events-none absolute z-20 max-w-sm rounded-md border border-border bg-surface px-2.5 py-1.5 text-xs shadow-lg"
      style={style}
    >
      <p className="text-muted">
        {count === 1 ? `Token ${first + 1}` : `Tokens ${first + 1}–${end}`} of{" "}
        {formatCount(result.ids.length)}
        {special && <span className="ml-1.5 rounded bg-accent-soft px-1 text-accent">special token</span>}
      </p>
      <p className="mt-0.5 break-all font-mono">{JSON.stringify(text)}</p>
      <ul className="mt-1 space-y-0.5 font-mono">
        {tokens.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for one segment
          <li key={i} data-testid="token-tooltip-id">
            id <strong>{t.id}</strong> <span className="text-muted">· {hex(t.bytes)}</span>
          </li>
        ))}
        {count > tokens.length && <li className="text-muted">… {count - tokens.length} more</li>}
      </ul>
      {count > 1 && (
        <p className="mt-1 text-muted">These tokens split a character between them; together they make it.</p>
      )}
      {flagged && (
        <p className="mt-1 text-warning">
          Special-token text, encoded as plain text. Turn on “Allow special tokens” to encode it as one
          special token.
        </p>
      )}
    </div>
  );
}
