"use client";

import { useMutation } from "@tanstack/react-query";
import type { InputTokenCountResponse } from "openai/resources/responses/input-tokens";
import { useMemo } from "react";
import type { ChatTokenEstimateState } from "@/components/tokens/use-token-count";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { formatCount, formatUsd } from "@/lib/format";
import { costOf, type ResolvedModel } from "@/lib/models/catalogue";
import type { Encoding } from "@/lib/openai-facts";
import { type ChatMessage, inputTokensBody } from "@/lib/tokenizer/chat";
import { REPLY_PRIMING, TOKENS_PER_MESSAGE } from "@/lib/tokens/chat-overhead";

export interface ChatCountProps {
  messages: ChatMessage[];
  tools: Record<string, unknown>[] | undefined;
  toolsValid: boolean;
  estimate: ChatTokenEstimateState;
  model: ResolvedModel | null;
  encoding: Encoding;
}

interface Exact {
  for: string;
  tokens: number;
}

function explain(error: ApiError): string {
  if (error.code === "model_not_found") return error.message;
  if (error.status === 404 || error.status === 405) {
    return "This upstream has no input-token counting endpoint (POST /v1/responses/input_tokens), so the estimate is all there is.";
  }
  return error.message;
}

/** The local estimate (labelled so) and, on request, the upstream's exact count beside it. */
export function ChatCount({ messages, tools, toolsValid, estimate, model, encoding }: ChatCountProps) {
  const body = useMemo(
    () => (model ? inputTokensBody(model.model, messages, tools) : null),
    [model, messages, tools],
  );
  const key = body ? JSON.stringify(body) : "";
  const exact = useMutation<Exact, ApiError, string>({
    mutationFn: async (forKey) => {
      const r = await apiFetch<InputTokenCountResponse>("/api/v1/responses/input_tokens", { body });
      return { for: forKey, tokens: r.input_tokens };
    },
  });
  const e = estimate.estimate;
  const exactTokens = exact.data?.tokens ?? null;
  const stale = exact.data !== undefined && exact.data.for !== key;
  const diff = e && exactTokens !== null ? exactTokens - e.total : null;
  return (
    <aside className="card h-fit space-y-3 p-3 lg:sticky lg:top-4" data-testid="chat-count">
      <div>
        <p className="text-muted text-xs">Prompt tokens, estimated locally with {encoding}</p>
        <p
          className="font-semibold text-2xl tabular-nums"
          data-testid="chat-estimate"
          data-count={e?.total ?? ""}
        >
          {e ? `≈ ${formatCount(e.total)}` : "…"}
          {estimate.pending && e ? "…" : ""}
        </p>
        <p className="text-muted text-xs">
          Estimate: each message&apos;s text + {TOKENS_PER_MESSAGE} per message + {REPLY_PRIMING} to prime the
          reply
          {e?.hasTools ? ` + ${e.tools} for the tools (an unverified recipe)` : ""}. The chat format&apos;s
          overhead differs between models; the upstream&apos;s count is the truth.
        </p>
        {estimate.error && <p className="text-danger text-xs">{estimate.error}</p>}
      </div>
      {model && e && (
        <p className="text-xs" data-testid="chat-cost">
          As input for <span className="font-mono">{model.model}</span>:{" "}
          {formatUsd(costOf(model, { input: exactTokens ?? e.total, output: 0 }))}
        </p>
      )}
      <div className="space-y-1.5 border-border border-t pt-3">
        <Button
          className="w-full"
          disabled={!model || !toolsValid || exact.isPending}
          onClick={() => exact.mutate(key)}
          data-testid="exact-count"
          title={model ? "Asks the upstream: POST /v1/responses/input_tokens" : "Choose a model first"}
        >
          {exact.isPending ? "Counting…" : "Exact count from the upstream"}
        </Button>
        {!model && <p className="text-muted text-xs">Choose a model to ask the upstream.</p>}
        {exactTokens !== null && (
          <div data-testid="exact-result" data-count={exactTokens} className={stale ? "opacity-60" : ""}>
            <p className="font-semibold text-lg tabular-nums">
              {formatCount(exactTokens)}{" "}
              <span className="font-normal text-muted text-xs">exact, from the upstream</span>
            </p>
            {diff !== null && (
              <p className="text-muted text-xs" data-testid="exact-diff">
                {diff === 0
                  ? "The estimate matches."
                  : `The estimate is ${Math.abs(diff)} ${diff > 0 ? "under" : "over"} (${((Math.abs(diff) / Math.max(1, exactTokens)) * 100).toFixed(1)}%).`}
                {stale && " The messages changed since: count again."}
              </p>
            )}
          </div>
        )}
        {exact.error && (
          <p role="alert" className="text-danger text-xs" data-testid="exact-error">
            {explain(exact.error)}
          </p>
        )}
      </div>
    </aside>
  );
}
