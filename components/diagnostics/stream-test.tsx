"use client";

import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { Response as ResponseObject, ResponseStreamEvent } from "openai/resources/responses/responses";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/errors";
import { normaliseUsage, type TokenUsage } from "@/lib/usage";

type Api = "chat" | "responses";
type StreamChunk = ChatCompletionChunk | ResponseStreamEvent;

interface Run {
  status: "idle" | "streaming" | "done" | "stopped" | "error";
  text: string;
  chunks: number;
  ttfbMs: number | null;
  totalMs: number | null;
  usage: TokenUsage | null;
  requestId: string | null;
  error: ApiError | null;
}

const EMPTY: Run = {
  status: "idle",
  text: "",
  chunks: 0,
  ttfbMs: null,
  totalMs: null,
  usage: null,
  requestId: null,
  error: null,
};

export interface StreamTestProps {
  models: string[];
}

/** Streams one short completion through /api/v1 so an admin sees the whole path work, token by token. */
export function StreamTest({ models }: StreamTestProps) {
  const [model, setModel] = useState(
    () => models.find((m) => m.includes("mini")) ?? models[0] ?? "gpt-4o-mini",
  );
  const [api, setApi] = useState<Api>("chat");
  const [prompt, setPrompt] = useState("Say hello in five words.");
  const [run, setRun] = useState<Run>(EMPTY);
  const abort = useRef<AbortController | null>(null);

  async function start() {
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    const started = performance.now();
    setRun({ ...EMPTY, status: "streaming" });
    const body =
      api === "chat"
        ? {
            model,
            stream: true,
            stream_options: { include_usage: true },
            messages: [{ role: "user", content: prompt }],
          }
        : { model, stream: true, input: prompt };
    try {
      // The SSE client loads when the test first runs, not with the settings page.
      const { apiStream, streamError } = await import("@/lib/api-stream");
      const { response, events } = await apiStream<StreamChunk>(
        `/api/v1/${api === "chat" ? "chat/completions" : "responses"}`,
        { body, signal: ac.signal },
      );
      setRun((r) => ({ ...r, requestId: response.headers.get("x-request-id") }));
      for await (const ev of events) {
        if (!ev.json) continue;
        const err = streamError(ev.json, ev.event);
        if (err) {
          setRun((r) => ({ ...r, status: "error", error: err }));
          return;
        }
        const delta = textDelta(ev.json);
        const usage = normaliseUsage("choices" in ev.json ? ev.json.usage : responseOf(ev.json)?.usage);
        setRun((r) => ({
          ...r,
          text: r.text + delta,
          chunks: r.chunks + 1,
          ttfbMs: r.ttfbMs ?? performance.now() - started,
          usage: usage ?? r.usage,
        }));
      }
      // Stop cancels the reader, which ends the loop without an error: what arrived stays, marked stopped.
      const status = ac.signal.aborted ? "stopped" : "done";
      setRun((r) => ({ ...r, status, totalMs: performance.now() - started }));
    } catch (e) {
      if (ac.signal.aborted) {
        setRun((r) => ({ ...r, status: "stopped", totalMs: performance.now() - started }));
        return;
      }
      // The client's ApiError: the upstream's error, a network failure, or a stream that broke.
      const err = e instanceof ApiError ? e : new ApiError({ type: "server_error", message: String(e) });
      setRun((r) => ({
        ...r,
        status: "error",
        error: err,
        requestId: r.requestId ?? err.headers["x-request-id"] ?? null,
        totalMs: r.totalMs ?? performance.now() - started,
      }));
    }
  }

  const streaming = run.status === "streaming";
  return (
    <section aria-labelledby="stream-test-title" className="space-y-3" data-testid="stream-test">
      <div>
        <h3 id="stream-test-title" className="font-medium text-sm">
          Stream test
        </h3>
        <p className="text-muted text-xs">
          Sends one short message through the console&apos;s proxy and shows the reply as it streams.
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs">
          Model
          <select
            className="input"
            data-testid="stream-test-model"
            value={model}
            onChange={(e) => setModel(e.target.value)}
          >
            {[...new Set([model, ...models])].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs">
          API
          <select
            className="input"
            data-testid="stream-test-api"
            value={api}
            onChange={(e) => setApi(e.target.value as Api)}
          >
            <option value="chat">Chat Completions</option>
            <option value="responses">Responses</option>
          </select>
        </label>
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs">
          Message
          <input
            className="input"
            data-testid="stream-test-prompt"
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
          />
        </label>
        {streaming ? (
          <Button data-testid="stream-test-stop" onClick={() => abort.current?.abort()}>
            Stop
          </Button>
        ) : (
          <Button variant="primary" data-testid="stream-test-run" onClick={() => void start()}>
            Send
          </Button>
        )}
      </div>
      {run.status !== "idle" && (
        <div className="space-y-2">
          <output
            data-testid="stream-test-output"
            data-status={run.status}
            aria-live="polite"
            className="block min-h-12 whitespace-pre-wrap rounded-md border border-border bg-surface-2 p-3 font-mono text-sm"
          >
            {run.text}
            {streaming && <span className="animate-pulse">▍</span>}
          </output>
          {run.error && (
            <p role="alert" data-testid="stream-test-error" className="text-danger text-sm">
              {run.error.message}
              {run.error.code ? ` (${run.error.code})` : ""}
            </p>
          )}
          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-muted text-xs" data-testid="stream-test-metrics">
            <Metric label="Status" value={run.status} />
            <Metric label="First token" value={run.ttfbMs === null ? "—" : `${Math.round(run.ttfbMs)} ms`} />
            <Metric label="Chunks" value={String(run.chunks)} />
            <Metric label="Total" value={run.totalMs === null ? "—" : `${Math.round(run.totalMs)} ms`} />
            <Metric
              label="Tokens"
              value={run.usage ? `${run.usage.input} in / ${run.usage.output} out` : "—"}
            />
            <Metric label="Request id" value={run.requestId ?? "—"} mono />
          </dl>
        </div>
      )}
    </section>
  );
}

function Metric({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="flex gap-1">
      <dt>{label}:</dt>
      <dd className={mono ? "font-mono" : undefined}>{value}</dd>
    </div>
  );
}

function textDelta(data: StreamChunk): string {
  if ("choices" in data) return data.choices?.[0]?.delta?.content ?? "";
  return data.type === "response.output_text.delta" ? (data.delta ?? "") : "";
}

/** The Response object that Responses' lifecycle events carry (the final one has the usage). */
function responseOf(data: ResponseStreamEvent): ResponseObject | null {
  return "response" in data && typeof data.response === "object" ? data.response : null;
}
