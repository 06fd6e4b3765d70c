"use client";

import { useState } from "react";
import type { Choice } from "@/lib/playground/accumulate";
import { LogprobsText } from "./logprobs-view";
import { ReplyText } from "./reply-text";
import { SchemaCheck } from "./schema-check";

export interface ChoiceViewProps {
  choice: Choice;
  streaming: boolean;
  /** JSON schema text to check the output against (structured outputs). */
  schema?: string | null;
}

/** One choice of a run: reasoning summary, text (or refusal), tool calls, logprobs. */
export function ChoiceView({ choice: c, streaming, schema }: ChoiceViewProps) {
  const [showLogprobs, setShowLogprobs] = useState(false);
  return (
    <div className="space-y-2" data-testid="choice" data-finish={c.finishReason ?? ""}>
      {c.reasoning && (
        <details
          className="rounded-md border border-border bg-surface-2 px-2 py-1 text-xs"
          open={streaming && !c.text}
          data-testid="reasoning"
        >
          <summary className="cursor-pointer text-muted">Reasoning summary</summary>
          <p className="mt-1 whitespace-pre-wrap text-muted">{c.reasoning}</p>
        </details>
      )}
      {c.refusal && (
        <div
          role="note"
          className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
          data-testid="refusal"
        >
          <span className="font-medium text-warning">Refused: </span>
          {c.refusal}
        </div>
      )}
      {(c.text || (streaming && !c.refusal && !c.toolCalls.length)) &&
        (showLogprobs && c.logprobs.length ? (
          <LogprobsText tokens={c.logprobs} />
        ) : (
          <ReplyText text={c.text} streaming={streaming} json={Boolean(schema)} />
        ))}
      {!streaming && schema && c.text && (
        <SchemaCheck schema={schema} text={c.text} truncated={c.finishReason === "length"} />
      )}
      {c.toolCalls.map((t, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: call ids arrive after the first fragment
          key={i}
          className="rounded-md bg-surface-2 px-2 py-1 font-mono text-xs"
          data-testid="output-tool-call"
        >
          <span className="font-semibold">{t.name || "…"}</span> <span className="text-muted">{t.id}</span>
          <pre className="whitespace-pre-wrap break-all">{t.arguments}</pre>
        </div>
      ))}
      {c.logprobs.length > 0 && (
        <label className="flex items-center gap-1.5 text-muted text-xs">
          <input type="checkbox" checked={showLogprobs} onChange={(e) => setShowLogprobs(e.target.checked)} />
          Shade tokens by probability
        </label>
      )}
    </div>
  );
}
