import type { ApiErrorBody } from "@/lib/errors";
import { normaliseUsage, type TokenUsage } from "@/lib/usage";
import type { Choice, TokenLogprob, ToolCall, WireApi } from "./types";

/**
 * Folds what the upstream sends (a JSON body, or stream events one by one) into the run's outputs,
 * for each wire API. Pure and incremental: the state after any event is what the page shows, so a
 * stream that stops or breaks keeps everything that arrived.
 */

export type { Choice, TokenLogprob };

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

export function emptyOutcome(): Outcome {
  return {
    choices: [],
    usage: null,
    id: null,
    model: null,
    serviceTier: null,
    systemFingerprint: null,
    error: null,
    events: 0,
  };
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function choice(o: Outcome, index: number): Choice {
  let c = o.choices.find((x) => x.index === index);
  if (!c) {
    c = { index, text: "", refusal: "", reasoning: "", toolCalls: [], logprobs: [], finishReason: null };
    o.choices.push(c);
    o.choices.sort((a, b) => a.index - b.index);
  }
  return c;
}

function logprobsOf(list: unknown): TokenLogprob[] {
  return arr(list).map((raw) => {
    const l = rec(raw);
    return {
      token: str(l.token),
      logprob: typeof l.logprob === "number" ? l.logprob : 0,
      top: arr(l.top_logprobs).map((t) => ({
        token: str(rec(t).token),
        logprob: Number(rec(t).logprob) || 0,
      })),
    };
  });
}

function meta(o: Outcome, b: Rec): void {
  if (typeof b.id === "string") o.id ??= b.id;
  if (typeof b.model === "string") o.model = b.model;
  if (typeof b.service_tier === "string") o.serviceTier = b.service_tier;
  if (typeof b.system_fingerprint === "string") o.systemFingerprint = b.system_fingerprint;
  const usage = normaliseUsage(b.usage);
  if (usage) o.usage = usage;
}

// ---- Chat Completions -------------------------------------------------------------------------

function chatChunk(o: Outcome, b: Rec): void {
  meta(o, b);
  for (const raw of arr(b.choices)) {
    const ch = rec(raw);
    const c = choice(o, Number(ch.index) || 0);
    const d = rec(ch.delta);
    c.text += str(d.content);
    c.refusal += str(d.refusal);
    c.reasoning += str(d.reasoning_content) + str(d.reasoning);
    for (const rawCall of arr(d.tool_calls)) {
      const tc = rec(rawCall);
      const i = Number(tc.index) || 0;
      const fn = rec(tc.function);
      c.toolCalls[i] ??= { id: "", name: "", arguments: "" };
      const call = c.toolCalls[i];
      if (typeof tc.id === "string") call.id = tc.id;
      call.name += str(fn.name);
      call.arguments += str(fn.arguments);
    }
    c.logprobs.push(...logprobsOf(rec(ch.logprobs).content));
    if (typeof ch.finish_reason === "string") c.finishReason = ch.finish_reason;
  }
}

function chatBody(o: Outcome, b: Rec): void {
  meta(o, b);
  for (const raw of arr(b.choices)) {
    const ch = rec(raw);
    const c = choice(o, Number(ch.index) || 0);
    const m = rec(ch.message);
    c.text = str(m.content);
    c.refusal = str(m.refusal);
    c.reasoning = str(m.reasoning_content) || str(m.reasoning);
    c.toolCalls = arr(m.tool_calls).map((t) => ({
      id: str(rec(t).id),
      name: str(rec(rec(t).function).name),
      arguments: str(rec(rec(t).function).arguments),
    }));
    c.logprobs = logprobsOf(rec(ch.logprobs).content);
    c.finishReason = typeof ch.finish_reason === "string" ? ch.finish_reason : null;
  }
}

// ---- Legacy Completions ------------------------------------------------------------------------

function completionsBody(o: Outcome, b: Rec, streaming: boolean): void {
  meta(o, b);
  for (const raw of arr(b.choices)) {
    const ch = rec(raw);
    const c = choice(o, Number(ch.index) || 0);
    c.text = streaming ? c.text + str(ch.text) : str(ch.text);
    const lp = rec(ch.logprobs);
    const tokens = arr(lp.tokens);
    const values = arr(lp.token_logprobs);
    const tops = arr(lp.top_logprobs);
    const list = tokens.map((t, i) => ({
      token: str(t),
      logprob: Number(values[i]) || 0,
      top: Object.entries(rec(tops[i])).map(([token, logprob]) => ({ token, logprob: Number(logprob) || 0 })),
    }));
    c.logprobs = streaming ? [...c.logprobs, ...list] : list;
    if (typeof ch.finish_reason === "string") c.finishReason = ch.finish_reason;
  }
}

// ---- Responses ---------------------------------------------------------------------------------

function responseStatus(r: Rec): string | null {
  const status = str(r.status);
  if (status === "incomplete") {
    const reason = str(rec(r.incomplete_details).reason);
    return reason === "max_output_tokens" ? "length" : reason || "incomplete";
  }
  if (status === "completed") return "stop";
  return status || null;
}

/** Rebuilds everything from a whole Response object (non-streaming, or the terminal event). */
function responseBody(o: Outcome, r: Rec): void {
  meta(o, r);
  const c = choice(o, 0);
  let text = "";
  let refusal = "";
  let reasoning = "";
  const calls: ToolCall[] = [];
  const lps: TokenLogprob[] = [];
  for (const raw of arr(r.output)) {
    const item = rec(raw);
    if (item.type === "message") {
      for (const p of arr(item.content)) {
        const part = rec(p);
        if (part.type === "output_text") {
          text += str(part.text);
          lps.push(...logprobsOf(part.logprobs));
        } else if (part.type === "refusal") refusal += str(part.refusal);
      }
    } else if (item.type === "reasoning") {
      reasoning += arr(item.summary)
        .map((s) => str(rec(s).text))
        .join("\n\n");
    } else if (item.type === "function_call") {
      calls.push({ id: str(item.call_id), name: str(item.name), arguments: str(item.arguments) });
    }
  }
  // A terminal event may carry an empty output (some servers); keep what was streamed then.
  if (arr(r.output).length || !c.text) {
    c.text = text;
    c.refusal = refusal;
    c.reasoning = reasoning || c.reasoning;
    c.toolCalls = calls;
    if (lps.length) c.logprobs = lps;
  }
  const finish = responseStatus(r);
  c.finishReason = calls.length && finish === "stop" ? "tool_calls" : finish;
  const err = rec(r.error);
  if (err.message)
    o.error = { message: str(err.message), type: "server_error", param: null, code: str(err.code) || null };
}

function responseEvent(o: Outcome, e: Rec): void {
  const c = choice(o, 0);
  switch (e.type) {
    case "response.created":
    case "response.in_progress":
      meta(o, rec(e.response));
      return;
    case "response.output_text.delta":
      c.text += str(e.delta);
      c.logprobs.push(...logprobsOf(e.logprobs));
      return;
    case "response.refusal.delta":
      c.refusal += str(e.delta);
      return;
    case "response.reasoning_summary_text.delta":
    case "response.reasoning_text.delta":
      c.reasoning += str(e.delta);
      return;
    case "response.reasoning_summary_part.added":
      if (c.reasoning) c.reasoning += "\n\n";
      return;
    case "response.output_item.added": {
      const item = rec(e.item);
      if (item.type === "function_call")
        c.toolCalls.push({ id: str(item.call_id), name: str(item.name), arguments: str(item.arguments) });
      return;
    }
    case "response.function_call_arguments.delta": {
      const call = c.toolCalls.at(-1);
      if (call) call.arguments += str(e.delta);
      return;
    }
    case "response.completed":
    case "response.incomplete":
    case "response.failed":
      responseBody(o, rec(e.response));
      return;
    case "error":
      o.error = {
        message: str(e.message) || str(rec(e.error).message) || "The stream reported an error.",
        type: "server_error",
        param: typeof e.param === "string" ? e.param : null,
        code: str(e.code) || str(rec(e.error).code) || null,
      };
      return;
  }
}

/** Applies a whole (non-streamed) JSON body. */
export function applyBody(api: WireApi, o: Outcome, body: unknown): void {
  const b = rec(body);
  if (api === "chat") chatBody(o, b);
  else if (api === "completions") completionsBody(o, b, false);
  else responseBody(o, b);
}

/** Applies one SSE event's data. Returns false on `[DONE]`. */
export function applyEvent(api: WireApi, o: Outcome, data: string): boolean {
  if (data === "[DONE]") return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return true;
  }
  o.events++;
  const b = rec(parsed);
  if (b.error && !b.type) {
    const err = rec(b.error);
    o.error = {
      message: str(err.message) || "The stream reported an error.",
      type: (str(err.type) || "server_error") as ApiErrorBody["error"]["type"],
      param: typeof err.param === "string" ? err.param : null,
      code: str(err.code) || null,
    };
    return true;
  }
  if (api === "chat") chatChunk(o, b);
  else if (api === "completions") completionsBody(o, b, true);
  else responseEvent(o, b);
  return true;
}
