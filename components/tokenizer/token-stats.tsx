"use client";

import { formatCount, formatPricePerMillion, formatUsd } from "@/lib/format";
import { costOf, type ResolvedModel } from "@/lib/models/catalogue";

export interface TokenStatsProps {
  tokens: number | null;
  chars: number | null;
  words: number | null;
  model: ResolvedModel | null;
  pending: boolean;
  /** Worker time of the last tokenization. */
  ms?: number | null;
  /** Counts are an estimate (chat mode). */
  estimate?: boolean;
}

function Stat({ id, label, value, title }: { id: string; label: string; value: string; title?: string }) {
  return (
    <div className="min-w-0" title={title}>
      <dt className="text-muted text-xs">{label}</dt>
      <dd className="font-semibold text-lg tabular-nums" data-testid={`stat-${id}`}>
        {value}
      </dd>
    </div>
  );
}

const n = (v: number | null) => (v === null ? "—" : formatCount(v));

/** Tokens, characters, words, characters per token, and what the tokens cost for the chosen model. */
export function TokenStats({ tokens, chars, words, model, pending, ms, estimate }: TokenStatsProps) {
  const perToken = tokens && chars !== null ? (chars / tokens).toFixed(2) : "—";
  const price = model?.pricing ?? null;
  const asInput = model && tokens !== null ? costOf(model, { input: tokens, output: 0 }) : null;
  const asOutput =
    model && tokens !== null && price?.output ? costOf(model, { input: 0, output: tokens }) : null;
  return (
    <div
      className="space-y-1"
      aria-busy={pending}
      data-testid="token-stats"
      data-pending={pending}
      data-tokens={tokens ?? ""}
      data-chars={chars ?? ""}
      data-ms={ms ?? ""}
    >
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3 lg:grid-cols-6">
        <Stat id="tokens" label={estimate ? "Tokens (estimate)" : "Tokens"} value={n(tokens)} />
        {chars !== null && (
          <Stat id="chars" label="Characters" value={n(chars)} title="Unicode code points" />
        )}
        {words !== null && (
          <Stat
            id="words"
            label="Words"
            value={n(words)}
            title="Runs of letters and digits; each Chinese or Japanese character counts as one"
          />
        )}
        {chars !== null && <Stat id="per-token" label="Chars / token" value={perToken} />}
        <Stat
          id="cost-input"
          label="As input"
          value={model ? (tokens === null ? "—" : formatUsd(asInput)) : "pick a model"}
          title={
            price
              ? `${formatPricePerMillion(price.input)} per 1M input tokens`
              : "The catalogue has no price for this model"
          }
        />
        <Stat
          id="cost-output"
          label="As output"
          value={
            !model
              ? "pick a model"
              : tokens === null
                ? "—"
                : price && !price.output
                  ? "n/a"
                  : formatUsd(asOutput)
          }
          title={
            price
              ? `${formatPricePerMillion(price.output)} per 1M output tokens`
              : "The catalogue has no price for this model"
          }
        />
      </dl>
      <p className="text-muted text-xs" aria-live="off">
        {pending
          ? "Tokenizing…"
          : ms != null
            ? `Tokenized in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms, in a background worker.`
            : " "}
      </p>
    </div>
  );
}
