"use client";

import { Fragment, useState } from "react";
import type { TokenLogprob } from "@/lib/playground/accumulate";

const pct = (logprob: number) => `${(Math.exp(logprob) * 100).toFixed(logprob > -0.0001 ? 0 : 1)}%`;

/**
 * Each token shaded by its probability (darker = less likely). Hovering or focusing a token shows
 * its probability and the alternatives in a line under the text, which no container can clip.
 */
export function LogprobsText({ tokens }: { tokens: TokenLogprob[] }) {
  const [active, setActive] = useState<number | null>(null);
  const t = active === null ? null : tokens[active];
  return (
    <div data-testid="logprobs">
      <p className="whitespace-pre-wrap text-sm leading-loose" onMouseLeave={() => setActive(null)}>
        {tokens.map((tok, i) => {
          const p = Math.exp(tok.logprob);
          return (
            // A <button> is laid out as an inline block: a newline inside it would make the token a
            // tall box and never break the line of text. A span breaks lines as the text does.
            // biome-ignore lint/a11y/useSemanticElements: see above.
            <span
              role="button"
              // biome-ignore lint/suspicious/noArrayIndexKey: tokens repeat; their place is their identity
              key={i}
              tabIndex={0}
              data-p={p.toFixed(3)}
              aria-label={`${JSON.stringify(tok.token)} ${pct(tok.logprob)}`}
              onMouseEnter={() => setActive(i)}
              onFocus={() => setActive(i)}
              className={`rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-accent ${active === i ? "ring-1 ring-fg/40" : ""}`}
              style={{
                backgroundColor: `color-mix(in srgb, var(--warning) ${Math.round((1 - p) * 60)}%, transparent)`,
              }}
            >
              {tok.token.includes("\n") ? withNewlineMarks(tok.token) : tok.token}
            </span>
          );
        })}
      </p>
      <p
        className="min-h-5 font-mono text-[11px] text-muted"
        data-testid="logprobs-readout"
        aria-live="polite"
      >
        {t ? (
          <>
            <span className="font-semibold text-fg">
              {JSON.stringify(t.token)} {pct(t.logprob)}
            </span>{" "}
            ({t.logprob.toFixed(3)})
            {t.top
              .filter((a) => a.token !== t.token)
              .map((a) => (
                <span key={a.token}>
                  {" · "}
                  {JSON.stringify(a.token)} {pct(a.logprob)}
                </span>
              ))}
          </>
        ) : (
          "Hover or focus a token to see its probability and the alternatives."
        )}
      </p>
    </div>
  );
}

/** Each newline drawn as a small ↵ where it is, then the line break itself. */
function withNewlineMarks(token: string) {
  return token.split("\n").map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one token never reorder
    <Fragment key={i}>
      {i > 0 && (
        <>
          <span className="text-[0.75em] text-muted" data-newline aria-hidden>
            ↵
          </span>
          {"\n"}
        </>
      )}
      {part}
    </Fragment>
  ));
}
