import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import type { Completion } from "openai/resources/completions";
import type { Response as ResponseObject, ResponseStreamEvent } from "openai/resources/responses/responses";
import { parseJson } from "@/lib/api-client";
import { streamError } from "@/lib/api-stream";
import type { ApiErrorBody } from "@/lib/errors";
import { normaliseUsage, type TokenUsage } from "@/lib/usage";
import { emptyOutcome } from "./run-record";
import type { Choice, TokenLogprob, ToolCall, WireApi } from "./types";

/**
 * Folds what the upstream sends (a JSON body, or stream events one by one) into the run's outputs,
 * for each wire API. Pure and incremental: the state after any event is what the page shows, so a
 * stream that stops or breaks keeps everything that arrived.
 *
 * Typed with the `openai` SDK's wire types, read defensively all the same: OpenAI-compatible
 * servers leave fields out, so every list and string has a fallback.
 */

export type { Choice, TokenLogprob };
export { emptyOutcome };

export interface Outcome {
  choices: Choice[];
  usage: TokenUsage | null;
  /** Response / completion id the upstream gave. */
  id: string | null;
  model: string | null;
  serviceTier: string | null;
  systemFingerprint: string | null;
  /** An error reported inside a 200 stream (`error` event, `response.failed`). */
  error: ApiErrorBody["error"] | null;
  events: number;
}

/** Reasoning text some OpenAI-compatible servers add (DeepSeek's `reasoning_content`, OpenRouter's `reasoning`). */
interface ReasoningExtension {
  reasoning_content?: string | null;
  reasoning?: string | null;
}

/** What Chat's `ChatCompletionTokenLogprob` and Responses' `Logprob` have in common, as servers send it. */
interface WireLogprob {
  token?: string;
  logprob?: number;
  top_logprobs?: { token?: string; logprob?: number }[];
}

function choice(o: Outcome, index: number): Choice {
  let c = o.choices.find((x) => x.index === index);
  if (!c) {
    c = { index, text: "", refusal: "", reasoning: "", toolCalls: [], logprobs: [], finishReason: null };
    o.choices.push(c);
    o.choices.sort((a, b) => a.index - b.index);
  }
  return c;
}

function logprobsOf(list: readonly WireLogprob[] | null | undefined): TokenLogprob[] {
  return arr(list).map((l) => ({
    token: l.token ?? "",
    logprob: typeof l.logprob === "number" ? l.logprob : 0,
    top: arr(l.top_logprobs).map((t) => ({ token: t.token ?? "", logprob: Number(t.logprob) || 0 })),
  }));
}

function meta(
  o: Outcome,
  b: {
    id?: string;
    model?: string;
    service_tier?: string | null;
    system_fingerprint?: string | null;
    usage?: unknown;
  },
): void {
  if (typeof b.id === "string") o.id ??= b.id;
  if (typeof b.model === "string") o.model = b.model;
  if (typeof b.service_tier === "string") o.serviceTier = b.service_tier;
  if (typeof b.system_fingerprint === "string") o.systemFingerprint = b.system_fingerprint;
  const usage = normaliseUsage(b.usage);
  if (usage) o.usage = usage;
}

// ---- Chat Completions -------------------------------------------------------------------------

function chatChunk(o: Outcome, b: ChatCompletionChunk): void {
  meta(o, b);
  for (const ch of arr(b.choices)) {
    const c = choice(o, ch.index ?? 0);
    const d: ChatCompletionChunk.Choice.Delta & ReasoningExtension = ch.delta ?? {};
    c.text += d.content ?? "";
    c.refusal += d.refusal ?? "";
    c.reasoning += (d.reasoning_content ?? "") + (d.reasoning ?? "");
    for (const tc of arr(d.tool_calls)) {
      const i = tc.index ?? 0;
      c.toolCalls[i] ??= { id: "", name: "", arguments: "" };
      const call = c.toolCalls[i];
      if (typeof tc.id === "string") call.id = tc.id;
      call.name += tc.function?.name ?? "";
      call.arguments += tc.function?.arguments ?? "";
    }
    c.logprobs.push(...logprobsOf(ch.logprobs?.content));
    if (typeof ch.finish_reason === "string") c.finishReason = ch.finish_reason;
  }
}

function chatBody(o: Outcome, b: ChatCompletion): void {
  meta(o, b);
  for (const ch of arr(b.choices)) {
    const c = choice(o, ch.index ?? 0);
    const m: Partial<ChatCompletion.Choice["message"]> & ReasoningExtension = ch.message ?? {};
    c.text = m.content ?? "";
    c.refusal = m.refusal ?? "";
    c.reasoning = m.reasoning_content || m.reasoning || "";
    c.toolCalls = arr(m.tool_calls).map((t) => ({
      id: t.id ?? "",
      name: t.type === "function" ? (t.function?.name ?? "") : (t.custom?.name ?? ""),
      arguments: t.type === "function" ? (t.function?.arguments ?? "") : (t.custom?.input ?? ""),
    }));
    c.logprobs = logprobsOf(ch.logprobs?.content);
    c.finishReason = typeof ch.finish_reason === "string" ? ch.finish_reason : null;
  }
}

// ---- Legacy Completions ------------------------------------------------------------------------

function completionsBody(o: Outcome, b: Completion, streaming: boolean): void {
  meta(o, b);
  for (const ch of arr(b.choices)) {
    const c = choice(o, ch.index ?? 0);
    c.text = streaming ? c.text + (ch.text ?? "") : (ch.text ?? "");
    const lp = ch.logprobs;
    const values = arr(lp?.token_logprobs);
    const tops = arr(lp?.top_logprobs);
    const list = arr(lp?.tokens).map((token, i) => ({
      token: token ?? "",
      logprob: Number(values[i]) || 0,
      top: Object.entries(tops[i] ?? {}).map(([t, logprob]) => ({ token: t, logprob: Number(logprob) || 0 })),
    }));
    c.logprobs = streaming ? [...c.logprobs, ...list] : list;
    if (typeof ch.finish_reason === "string") c.finishReason = ch.finish_reason;
  }
}

// ---- Responses ---------------------------------------------------------------------------------

function responseStatus(r: ResponseObject): string | null {
  if (r.status === "incomplete") {
    const reason = r.incomplete_details?.reason ?? "";
    return reason === "max_output_tokens" ? "length" : reason || "incomplete";
  }
  if (r.status === "completed") return "stop";
  return r.status || null;
}

/** Rebuilds everything from a whole Response object (non-streaming, or the terminal event). */
function responseBody(o: Outcome, r: ResponseObject): void {
  meta(o, r);
  const c = choice(o, 0);
  const output = arr(r.output);
  let text = "";
  let refusal = "";
  let reasoning = "";
  const calls: ToolCall[] = [];
  const lps: TokenLogprob[] = [];
  for (const item of output) {
    if (item.type === "message") {
      for (const part of arr(item.content)) {
        if (part.type === "output_text") {
          text += part.text ?? "";
          lps.push(...logprobsOf(part.logprobs));
        } else if (part.type === "refusal") refusal += part.refusal ?? "";
      }
    } else if (item.type === "reasoning") {
      reasoning += arr(item.summary)
        .map((s) => s.text ?? "")
        .join("\n\n");
    } else if (item.type === "function_call") {
      calls.push({ id: item.call_id ?? "", name: item.name ?? "", arguments: item.arguments ?? "" });
    }
  }
  // A terminal event may carry an empty output (some servers); keep what was streamed then.
  if (output.length || !c.text) {
    c.text = text;
    c.refusal = refusal;
    c.reasoning = reasoning || c.reasoning;
    c.toolCalls = calls;
    if (lps.length) c.logprobs = lps;
  }
  const finish = responseStatus(r);
  c.finishReason = calls.length && finish === "stop" ? "tool_calls" : finish;
  if (r.error?.message)
    o.error = { message: r.error.message, type: "server_error", param: null, code: r.error.code || null };
}

function responseEvent(o: Outcome, e: ResponseStreamEvent): void {
  const c = choice(o, 0);
  switch (e.type) {
    case "response.created":
    case "response.in_progress":
      if (e.response) meta(o, e.response);
      return;
    case "response.output_text.delta":
      c.text += e.delta ?? "";
      c.logprobs.push(...logprobsOf(e.logprobs));
      return;
    case "response.refusal.delta":
    case "response.reasoning_summary_text.delta":
    case "response.reasoning_text.delta":
      if (e.type === "response.refusal.delta") c.refusal += e.delta ?? "";
      else c.reasoning += e.delta ?? "";
      return;
    case "response.reasoning_summary_part.added":
      if (c.reasoning) c.reasoning += "\n\n";
      return;
    case "response.output_item.added":
      if (e.item?.type === "function_call")
        c.toolCalls.push({
          id: e.item.call_id ?? "",
          name: e.item.name ?? "",
          arguments: e.item.arguments ?? "",
        });
      return;
    case "response.function_call_arguments.delta": {
      const call = c.toolCalls.at(-1);
      if (call) call.arguments += e.delta ?? "";
      return;
    }
    case "response.completed":
    case "response.incomplete":
    case "response.failed":
      if (e.response) responseBody(o, e.response);
      return;
  }
}

/** Applies a whole (non-streamed) JSON body, as the upstream sent it. */
export function applyBody(api: WireApi, o: Outcome, body: unknown): void {
  if (typeof body !== "object" || body === null) return;
  if (api === "chat") chatBody(o, body as ChatCompletion);
  else if (api === "completions") completionsBody(o, body as Completion, false);
  else responseBody(o, body as ResponseObject);
}

/** Applies one SSE event's data (`json` when the caller has parsed it already). Returns false on `[DONE]`. */
export function applyEvent(api: WireApi, o: Outcome, data: string, json: unknown = parseJson(data)): boolean {
  if (data === "[DONE]") return false;
  if (typeof json !== "object" || json === null) return true;
  o.events++;
  // Chat's `{"error":{…}}` (also the proxy's note on a broken upstream) and Responses' `error` event.
  const err = streamError(json);
  if (err) {
    o.error = err.toJSON().error;
    return true;
  }
  if (api === "chat") chatChunk(o, json as ChatCompletionChunk);
  else if (api === "completions") completionsBody(o, json as Completion, true);
  else responseEvent(o, json as ResponseStreamEvent);
  return true;
}

/** A list from the upstream, or none: a compatible server may send another type where an array belongs. */
function arr<T>(v: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(v) ? v : [];
}
