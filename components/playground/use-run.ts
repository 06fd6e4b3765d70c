"use client";

import { useCallback, useEffect } from "react";
import { useModels } from "@/components/queries/use-models";
import { recordRun } from "@/lib/history/record";
import type { Choice } from "@/lib/playground/accumulate";
import { newMessage } from "@/lib/playground/defaults";
import { buildRequest } from "@/lib/playground/request";
import type { Message, Setup } from "@/lib/playground/types";
import { MAIN, usePlayground } from "./store";

const controllers = new Map<string, AbortController>();

// The client, SSE parser and stream accumulator load with the first run, not with the page;
// useRunner starts the download as soon as the page is up, so the first Run does not wait for it.
let runModule: Promise<typeof import("@/lib/playground/run")> | null = null;
const loadRun = () => {
  runModule ??= import("@/lib/playground/run");
  return runModule;
};

/** The setup a target runs: the main one, or a column's model and parameters on the shared input. */
export function setupFor(target: string): Setup | null {
  const s = usePlayground.getState();
  if (target === MAIN) return s.setup;
  const col = s.columns.find((c) => c.id === target);
  if (!col) return null;
  const { messages, instructions, instructionsRole, prompt } = s.setup;
  return { ...col.setup, messages, instructions, instructionsRole, prompt };
}

/** Messages a finished main run adds to the conversation: the reply, and a tool message per call. */
export function messagesFrom(choice: Choice, responseId: string | null): Message[] {
  const reply: Message = {
    ...newMessage("assistant", choice.text || (choice.refusal ? `[refusal] ${choice.refusal}` : "")),
    ...(choice.toolCalls.length ? { toolCalls: choice.toolCalls } : {}),
    ...(responseId ? { responseId } : {}),
    ...(choice.reasoning ? { reasoning: choice.reasoning } : {}),
    ...(choice.logprobs.length ? { logprobs: choice.logprobs } : {}),
  };
  const outputs = choice.toolCalls.map((c) => ({ ...newMessage("tool", ""), toolCallId: c.id }));
  return [reply, ...outputs];
}

export function stopAll(): boolean {
  let any = false;
  for (const c of controllers.values()) {
    c.abort();
    any = true;
  }
  controllers.clear();
  return any;
}

export function useRunner() {
  const { resolve } = useModels();
  useEffect(() => void loadRun(), []);
  const run = useCallback(
    async (target: string): Promise<void> => {
      const setup = setupFor(target);
      if (!setup) return;
      const model = resolve(setup.model);
      const req = buildRequest(setup, model);
      if (req.problems.length) return;
      controllers.get(target)?.abort();
      const ctrl = new AbortController();
      controllers.set(target, ctrl);
      const { setRun } = usePlayground.getState();
      const { runRequest } = await loadRun();
      const record = await runRequest(
        setup.api,
        req,
        (r) => setRun(target, { ...r, request: req, model: setup.model }),
        ctrl.signal,
      );
      if (controllers.get(target) === ctrl) controllers.delete(target);
      setRun(target, { ...record, request: req, model: setup.model });
      recordRun(target, setup, req, record);
      // The main run's reply joins the conversation, even when stopped or broken: nothing is lost.
      const first = record.outcome.choices[0];
      if (target === MAIN && first && (first.text || first.refusal || first.toolCalls.length)) {
        const state = usePlayground.getState();
        for (const m of messagesFrom(first, record.outcome.id)) state.addMessage(m);
        if (!first.toolCalls.length) state.addMessage(newMessage("user"));
      }
    },
    [resolve],
  );
  const runAll = useCallback(() => {
    const s = usePlayground.getState();
    if (s.compare) for (const c of s.columns) void run(c.id);
    else void run(MAIN);
  }, [run]);
  return { run, runAll, stop: stopAll };
}
