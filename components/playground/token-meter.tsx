"use client";

import { useMemo } from "react";
import { useChatTokenEstimate, useTokenCount } from "@/components/tokens/use-token-count";
import { formatCount, formatUsd } from "@/lib/format";
import { costOf, type ResolvedModel } from "@/lib/models/catalogue";
import { instructionsRoleOf } from "@/lib/playground/request";
import type { Setup } from "@/lib/playground/types";
import { usePlayground } from "./store";

/**
 * Prompt tokens while composing (tiktoken in a worker, labelled an estimate), room left in the
 * context window, the input cost; after a run, the count the upstream reported next to it.
 */
export function TokenMeter({ setup, model, target }: { setup: Setup; model: ResolvedModel; target: string }) {
  const reported = usePlayground((s) =>
    s.runs[target]?.status === "running" ? null : (s.runs[target]?.outcome.usage?.input ?? null),
  );
  const role = instructionsRoleOf(setup, model);
  const messages = useMemo(() => {
    const list = setup.messages.map((m) => ({ role: m.role, content: m.content, toolCalls: m.toolCalls }));
    return setup.instructions.trim() ? [{ role, content: setup.instructions }, ...list] : list;
  }, [setup.messages, setup.instructions, role]);
  const tools = useMemo(
    () =>
      setup.tools.length
        ? setup.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters }))
        : undefined,
    [setup.tools],
  );
  const chat = useChatTokenEstimate(messages, tools, setup.api === "completions" ? null : model.encoding);
  const prompt = useTokenCount(setup.prompt, setup.api === "completions" ? model.encoding : null);
  const count = setup.api === "completions" ? prompt.count : chat.count;
  const pending = setup.api === "completions" ? prompt.pending : chat.pending;
  const error = setup.api === "completions" ? prompt.error : chat.error;
  if (error) return <span className="text-warning text-xs">Token count unavailable: {error}</span>;
  if (count === null) return <span className="text-muted text-xs">Counting tokens…</span>;
  const room = model.contextWindow - count - (setup.params.maxOutputTokens ?? 0);
  const cost = costOf(model, { input: count, output: 0 });
  const images = setup.messages.some((m) => m.images.length);
  return (
    <span
      className={`text-xs ${room < 0 ? "text-danger" : "text-muted"}`}
      data-testid="token-meter"
      data-count={count}
      aria-live="off"
    >
      <span title="Estimated locally with tiktoken; the upstream's count may differ slightly">
        ≈ {formatCount(count)} prompt tokens{images ? " + images" : ""}
        {pending ? "…" : ""}
      </span>
      {" · "}
      <span title="Context window minus the prompt and max output tokens">
        {formatCount(room)} left of {formatCount(model.contextWindow)}
      </span>
      {cost !== null && <span> · ≈ {formatUsd(cost)} input</span>}
      {reported !== null && (
        <span data-testid="token-meter-reported" title="Prompt tokens the upstream reported for the last run">
          {" "}
          · last run: {formatCount(reported)} reported
        </span>
      )}
    </span>
  );
}
