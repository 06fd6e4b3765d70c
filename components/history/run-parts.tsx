"use client";

import { Alert } from "@/components/ui/alert";
import { LazyMarkdown } from "@/components/ui/markdown-lazy";
import type { HistoryChoice, HistoryRunDto } from "@/lib/history/schema";
import type { Setup } from "@/lib/playground/types";

/** What the run was given: instructions and messages, or the legacy prompt. */
export function RunInput({ setup }: { setup: Setup }) {
  if (setup.api === "completions")
    return (
      <pre className="whitespace-pre-wrap break-words text-sm" data-testid="run-input">
        {setup.prompt}
      </pre>
    );
  return (
    <div className="space-y-2" data-testid="run-input">
      {setup.instructions && <Turn role={setup.instructionsRole} text={setup.instructions} />}
      {setup.messages.map((m) => (
        <Turn
          key={m.id}
          role={m.role}
          text={
            m.content ||
            (m.toolCalls?.length ? `[tool calls: ${m.toolCalls.map((t) => t.name).join(", ")}]` : "")
          }
          images={m.images.length}
        />
      ))}
    </div>
  );
}

function Turn({ role, text, images = 0 }: { role: string; text: string; images?: number }) {
  return (
    <div className="rounded-md border border-border px-3 py-2">
      <p className="font-medium text-muted text-xs uppercase tracking-wide">{role}</p>
      <p className="whitespace-pre-wrap break-words text-sm">
        {text || <span className="text-muted italic">empty</span>}
      </p>
      {images > 0 && <p className="text-muted text-xs">{images === 1 ? "1 image" : `${images} images`}</p>}
    </div>
  );
}

/** What came back: each choice's reasoning, text (as Markdown), refusal and tool calls; the error. */
export function RunOutput({ output }: { output: HistoryRunDto["output"] }) {
  return (
    <div className="space-y-3" data-testid="run-output">
      {output.choices.map((c) => (
        <ChoiceOutput key={c.index} choice={c} numbered={output.choices.length > 1} />
      ))}
      {output.error && (
        <Alert tone="danger" title="The run failed">
          {output.error.message}
          {output.error.code && <span className="ml-1 font-mono text-xs">({output.error.code})</span>}
        </Alert>
      )}
      {!output.choices.length && !output.error && <p className="text-muted text-sm">No output.</p>}
    </div>
  );
}

function ChoiceOutput({ choice: c, numbered }: { choice: HistoryChoice; numbered: boolean }) {
  return (
    <div className="space-y-2">
      {numbered && <p className="text-muted text-xs">Choice {c.index + 1}</p>}
      {c.reasoning && (
        <details className="rounded-md border border-border bg-surface-2 px-2 py-1 text-xs">
          <summary className="cursor-pointer text-muted">Reasoning summary</summary>
          <p className="mt-1 whitespace-pre-wrap text-muted">{c.reasoning}</p>
        </details>
      )}
      {c.refusal && (
        <Alert tone="warning" title="Refused">
          {c.refusal}
        </Alert>
      )}
      {c.text && <LazyMarkdown text={c.text} />}
      {c.toolCalls.map((t) => (
        <div key={t.id || t.name} className="rounded-md bg-surface-2 px-2 py-1 font-mono text-xs">
          <span className="font-semibold">{t.name}</span> <span className="text-muted">{t.id}</span>
          <pre className="whitespace-pre-wrap break-all">{t.arguments}</pre>
        </div>
      ))}
    </div>
  );
}
