"use client";

import { Button } from "@/components/ui/button";
import { Popover } from "@/components/ui/popover";
import type { ResolvedModel } from "@/lib/models/catalogue";
import type { BuildResult } from "@/lib/playground/request";
import { appendUser } from "./conversation";
import { RerunConfirm } from "./rerun-confirm";
import { RunPanel } from "./run-panel";
import { usePlayground } from "./store";
import { TokenMeter } from "./token-meter";

export interface ComposerProps {
  target: string;
  request: BuildResult;
  model: ResolvedModel;
  running: boolean;
  /** `replace`: stop this target's run in flight and start again (after asking). */
  onRun(replace?: boolean): void;
  onStop(): void;
}

/**
 * Run and Stop, what blocks a run, what will not be sent and why, the token meter, then the run
 * itself. While a run is in flight, Stop takes Run's place and a second Run asks first.
 */
export function Composer({ target, request, model, running, onRun, onStop }: ComposerProps) {
  const setup = usePlayground((s) => s.setup);
  const blocked = request.problems.length > 0;
  // An empty draft is not an error worth red text: Run is just disabled until there is something to send.
  const shown = request.problems.filter((p) => p.param !== "messages" && p.param !== "prompt");
  return (
    <div className="space-y-3">
      <RunPanel
        target={target}
        model={model}
        onRun={() => onRun()}
        // Completions continues from its output box (prompt + output); chat asks the model to go on.
        onContinue={
          setup.api === "completions"
            ? undefined
            : () => {
                appendUser("Continue exactly where you stopped.");
                onRun();
              }
        }
      />
      {shown.length > 0 && (
        <ul
          role="alert"
          className="space-y-0.5 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-danger text-xs"
          data-testid="problems"
        >
          {shown.map((p) => (
            <li key={`${p.param}${p.message}`}>{p.message}</li>
          ))}
        </ul>
      )}
      <RerunConfirm target={target} onReplace={() => onRun(true)} />
      <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface px-3 py-2 shadow-sm">
        <TokenMeter setup={setup} model={model} target={target} />
        {request.omitted.length > 0 && (
          <Popover
            label="Settings not sent"
            side="top"
            trigger={
              <button
                type="button"
                className="cursor-pointer text-muted text-xs underline decoration-dotted underline-offset-2"
                data-testid="omitted-summary"
              >
                {request.omitted.length} setting{request.omitted.length > 1 ? "s" : ""} not sent
              </button>
            }
          >
            <ul className="space-y-0.5">
              {request.omitted.map((o) => (
                <li key={o.param}>
                  <span className="font-mono">{o.param}</span>: {o.reason}
                </li>
              ))}
            </ul>
          </Popover>
        )}
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden text-muted text-xs sm:inline">
            <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd>
          </span>
          {running ? (
            <Button variant="danger" onClick={onStop} data-testid="stop">
              Stop
            </Button>
          ) : (
            <Button
              variant="primary"
              onClick={() => onRun()}
              disabled={blocked}
              title={blocked ? request.problems[0]?.message : undefined}
              data-testid="run"
            >
              Run
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
