"use client";

import { useMemo, useState } from "react";
import { useModels } from "@/components/queries/use-models";
import { AfterDraft } from "@/components/shell/after-draft";
import { DraftNotice } from "@/components/shell/draft-notice";
import { buildRequest } from "@/lib/playground/request";
import { CompareView } from "./compare-view";
import { appendCompletion, CompletionOutput } from "./completion-output";
import { Composer } from "./composer";
import { InstructionsEditor, MessageList, PromptEditor } from "./conversation";
import { OpenFromHistory } from "./open-from-history";
import { SidePanel } from "./side-panel";
import { MAIN, PLAYGROUND_DRAFT_KEY, usePlayground } from "./store";
import { Toolbar } from "./toolbar";
import { useRunner } from "./use-run";
import { useShortcuts } from "./use-shortcuts";

export interface PlaygroundViewProps {
  upstreamBaseUrl: string;
  canSharePublicly: boolean;
}

export function PlaygroundView(props: PlaygroundViewProps) {
  return (
    <AfterDraft label="Loading the playground">
      <Playground {...props} />
      <OpenFromHistory />
    </AfterDraft>
  );
}

function Playground({ upstreamBaseUrl, canSharePublicly }: PlaygroundViewProps) {
  const setup = usePlayground((s) => s.setup);
  const compare = usePlayground((s) => s.compare);
  const revision = usePlayground((s) => s.revision);
  const running = usePlayground((s) => Object.values(s.runs).some((r) => r.status === "running"));
  const { resolve } = useModels();
  const { run, runAll, stop, stopTarget } = useRunner();
  const model = resolve(setup.model);
  const request = useMemo(() => buildRequest(setup, model), [setup, model]);
  const [help, setHelp] = useState(false);
  useShortcuts({ run: runAll, stop, help: () => setHelp(true), running });
  return (
    <div className="flex flex-col gap-3" key={revision}>
      <h1 className="sr-only">Playground</h1>
      <DraftNotice storageKey={PLAYGROUND_DRAFT_KEY} label="playground" />
      <Toolbar
        request={request}
        upstreamBaseUrl={upstreamBaseUrl}
        canSharePublicly={canSharePublicly}
        help={help}
        setHelp={setHelp}
      />
      {compare ? (
        <CompareView
          onRunAll={runAll}
          onRun={(id, replace) => void run(id, replace)}
          onStop={stop}
          onStopColumn={stopTarget}
          running={running}
        />
      ) : (
        <div className="grid min-h-0 grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0 space-y-3">
            {setup.api === "completions" ? (
              <>
                <PromptEditor />
                <CompletionOutput
                  onContinue={() => {
                    appendCompletion();
                    void run(MAIN);
                  }}
                />
              </>
            ) : (
              <>
                <InstructionsEditor />
                <MessageList />
              </>
            )}
            <Composer
              target={MAIN}
              request={request}
              model={model}
              running={running}
              onRun={(replace) => void run(MAIN, replace)}
              onStop={stop}
            />
          </div>
          <SidePanel setup={setup} model={model} />
        </div>
      )}
    </div>
  );
}
