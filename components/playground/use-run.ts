"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useModels } from "@/components/queries/use-models";
import { recordRun } from "@/lib/history/record";
import type { Choice } from "@/lib/playground/accumulate";
import { newMessage } from "@/lib/playground/defaults";
import { buildRequest } from "@/lib/playground/request";
import { newRunRecord, type RunRecord } from "@/lib/playground/run-record";
import type { Message, Setup } from "@/lib/playground/types";
import { queryKeys } from "@/lib/query-keys";
import { MAIN, type RunEntry, usePlayground } from "./store";

/**
 * Runs in flight, by target (MAIN or a column id). A target has at most one: a second Run asks
 * first (the store's `asking`), so a billed call is never doubled by a stray click or keystroke.
 * An entry leaves the map only when its own run ends, so a run that was replaced cannot write over
 * the one that replaced it.
 */
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

/**
 * The one place a run is known to be over (done, stopped or broken), with the setup it ran. The
 * main run's output joins its own mode, even when stopped or broken, so nothing is lost: a
 * completion becomes the completion beside the prompt, a reply joins the conversation.
 */
function finished(target: string, setup: Setup, entry: RunEntry): void {
  const state = usePlayground.getState();
  state.setAsking(target, false);
  recordRun(target, setup, entry.request, entry);
  const first = entry.outcome.choices[0];
  if (target !== MAIN || !first) return;
  if (setup.api === "completions") {
    if (first.text) state.update({ completion: first.text });
    return;
  }
  if (!first.text && !first.refusal && !first.toolCalls.length) return;
  for (const m of messagesFrom(first, entry.outcome.id)) state.addMessage(m);
  if (!first.toolCalls.length) state.addMessage(newMessage("user"));
}

/** Stops every run in flight; what arrived is kept. */
export function stopAll(): boolean {
  let any = false;
  for (const c of controllers.values()) {
    c.abort();
    any = true;
  }
  return any;
}

/** Stops one target's run (a compare column's own Stop). */
export function stopTarget(target: string): void {
  controllers.get(target)?.abort();
}

export function useRunner() {
  const { resolve } = useModels();
  const qc = useQueryClient();
  useEffect(() => void loadRun(), []);
  const run = useCallback(
    /** `replace`: the person confirmed stopping the run in flight to start this one. */
    async (target: string, replace = false): Promise<void> => {
      const setup = setupFor(target);
      if (!setup) return;
      const { setRun, setAsking } = usePlayground.getState();
      if (controllers.has(target) && !replace) {
        setAsking(target, true);
        return;
      }
      setAsking(target, false);
      const model = resolve(setup.model);
      const req = buildRequest(setup, model);
      if (req.problems.length) return;
      controllers.get(target)?.abort();
      const ctrl = new AbortController();
      controllers.set(target, ctrl);
      const own = () => controllers.get(target) === ctrl;
      const entry = (r: RunRecord): RunEntry => ({
        ...r,
        request: req,
        model: setup.model,
        api: setup.api,
      });
      // Visible (pending, Stop, Esc) from the moment it is sent, and the previous error is gone.
      const record = newRunRecord();
      setRun(target, entry(record));
      try {
        const { runRequest } = await loadRun();
        const onUpdate = (r: RunRecord) => own() && setRun(target, entry(r));
        const done = await runRequest(setup.api, req, onUpdate, ctrl.signal, record);
        if (!own()) return;
        const result = entry(done);
        setRun(target, result);
        finished(target, setup, result);
      } catch (e) {
        // The run code failed to load, or threw something no upstream sent: say so, never spin on.
        if (!own()) return;
        const message = e instanceof Error ? e.message : String(e);
        const failed = {
          ...record,
          status: "error" as const,
          timings: { ...record.timings, endedAt: performance.now() },
        };
        setRun(
          target,
          entry({
            ...failed,
            error: {
              message,
              type: "client_error",
              code: "client_error",
              param: null,
              status: null,
              retryAfterMs: null,
            },
          }),
        );
        usePlayground.getState().setAsking(target, false);
      } finally {
        if (own()) controllers.delete(target);
        // A run can cross a soft threshold or hit a limit: the banner and headroom show it now, not at the next poll.
        void qc.invalidateQueries({ queryKey: queryKeys.notices });
        void qc.invalidateQueries({ queryKey: queryKeys.headroom });
      }
    },
    [resolve, qc],
  );
  const runAll = useCallback(() => {
    const s = usePlayground.getState();
    if (s.compare) for (const c of s.columns) void run(c.id);
    else void run(MAIN);
  }, [run]);
  return { run, runAll, stop: stopAll, stopTarget };
}
