"use client";

import { Button } from "@/components/ui/button";
import { MAIN, usePlayground } from "./store";

/** Moves the output to the end of the prompt, so the next run goes on from prompt + output. */
export function appendCompletion(): void {
  const { setup, update } = usePlayground.getState();
  if (!setup.completion) return;
  update({ prompt: setup.prompt + setup.completion, completion: undefined });
}

/**
 * Legacy Completions' output, below the prompt as in OpenAI's legacy playground: live while the run
 * streams, then kept in the draft (a reload keeps it) until it is appended, cleared or replaced by
 * the next run's output. It never touches the chat's messages.
 */
export function CompletionOutput({ onContinue }: { onContinue(): void }) {
  const saved = usePlayground((s) => s.setup.completion);
  const live = usePlayground((s) => {
    const r = s.runs[MAIN];
    return r?.status === "running" && r.api === "completions" ? (r.outcome.choices[0]?.text ?? "") : null;
  });
  const text = live || saved;
  if (!text) return null;
  const { update } = usePlayground.getState();
  return (
    <section
      aria-label="Completion"
      className="rounded-lg border border-success/30 bg-success-soft/50 p-2"
      data-testid="completion-output"
      data-live={live !== null}
    >
      <div className="mb-1 flex flex-wrap items-center gap-1">
        <h2 className="mr-auto font-medium text-muted text-xs uppercase tracking-wide">Output</h2>
        {live === null && (
          <>
            <Button size="sm" variant="primary" onClick={onContinue} data-testid="completion-continue">
              Continue
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={appendCompletion}
              title="Append the output to the prompt"
            >
              Append to prompt
            </Button>
            <Button size="sm" variant="ghost" onClick={() => update({ completion: undefined })}>
              Clear
            </Button>
          </>
        )}
      </div>
      <pre className="whitespace-pre-wrap break-words font-mono text-sm leading-relaxed" aria-live="off">
        {text}
        {live !== null && <span className="animate-pulse text-muted">▍</span>}
      </pre>
    </section>
  );
}
