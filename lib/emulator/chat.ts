import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
  ChatCompletionTokenLogprob,
} from "openai/resources/chat/completions";
import type { Completion, CompletionUsage } from "openai/resources/completions";
import {
  checkReasoningParams,
  decide,
  functionTools,
  jsonTokens,
  type Outcome,
  parseFormat,
  replyFor,
  toolChoice,
} from "./behaviour";
import { asRecord, type Ctx, estimateTokens, HttpError, sendJson, streamEvents, tokenize } from "./http";
import { logprobsRequest, tokenLogprobs } from "./logprobs";
import { isReasoningModel, requireModel } from "./models";

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => (typeof p?.text === "string" ? p.text : "")).join(" ");
}

interface Plan {
  tokens: string[];
  finish: "stop" | "length";
}

/** Plain replies stream as `streamChunks` tokens when the control API sets it (benchmarks). */
function replyTokens(ctx: Ctx, text: string): string[] {
  if (ctx.state.config.streamChunks !== undefined)
    return Array.from({ length: ctx.state.config.streamChunks }, (_, i) => ` t${i}`);
  return tokenize(text);
}

function plan(tokens: string[], limit: unknown, stop: unknown): Plan {
  const stops = (Array.isArray(stop) ? stop : typeof stop === "string" ? [stop] : []).filter(
    (s): s is string => typeof s === "string",
  );
  for (const s of stops) {
    const i = tokens.findIndex((t) => t.includes(s));
    if (i !== -1) return { tokens: tokens.slice(0, i), finish: "stop" };
  }
  if (typeof limit === "number" && limit < tokens.length)
    return { tokens: tokens.slice(0, limit), finish: "length" };
  return { tokens, finish: "stop" };
}

function usage(model: string, promptTokens: number, completionTokens: number): CompletionUsage {
  const reasoning = isReasoningModel(model) ? Math.min(64, completionTokens * 2) : 0;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens + reasoning,
    total_tokens: promptTokens + completionTokens + reasoning,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The outputs of the tool messages the conversation ends with (none when it ends otherwise). */
function trailingToolOutputs(messages: ChatCompletionMessageParam[]): string[] {
  const out: string[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === "tool"; i--)
    out.unshift(textOf(messages[i]?.content));
  return out;
}

type Delta = ChatCompletionChunk.Choice.Delta;
type Logprobs = ChatCompletion.Choice.Logprobs | null;
interface Step {
  delta: Delta;
  logprobs: Logprobs;
  finish?: ChatCompletion.Choice["finish_reason"];
}

/** One choice: its message, finish reason and logprobs, and the deltas that stream it. */
interface Answer {
  message: ChatCompletionMessage;
  finish: ChatCompletion.Choice["finish_reason"];
  logprobs: Logprobs;
  steps: Step[];
  tokens: number;
}

function answer(ctx: Ctx, outcome: Outcome, body: Record<string, unknown>, top: number | null): Answer {
  const message: ChatCompletionMessage = { role: "assistant", content: null, refusal: null, annotations: [] };
  if (outcome.kind === "tools") {
    const calls: ChatCompletionMessageFunctionToolCall[] = outcome.calls.map((c) => ({
      id: ctx.state.id("call", "_"),
      type: "function",
      function: { name: c.name, arguments: c.arguments },
    }));
    const steps: Step[] = [{ delta: { role: "assistant", content: null, refusal: null }, logprobs: null }];
    let tokens = 0;
    calls.forEach((c, index) => {
      const { name } = c.function;
      steps.push({
        delta: { tool_calls: [{ index, id: c.id, type: "function", function: { name, arguments: "" } }] },
        logprobs: null,
      });
      const parts = jsonTokens(c.function.arguments);
      tokens += parts.length;
      for (const arguments_ of parts)
        steps.push({
          delta: { tool_calls: [{ index, function: { arguments: arguments_ } }] },
          logprobs: null,
        });
    });
    steps.push({ delta: {}, logprobs: null, finish: "tool_calls" });
    const logprobs = top === null ? null : { content: null, refusal: null };
    return { message: { ...message, tool_calls: calls }, finish: "tool_calls", logprobs, steps, tokens };
  }
  const refusal = outcome.kind === "refusal";
  const raw =
    outcome.kind === "refusal"
      ? tokenize(outcome.text)
      : outcome.structured
        ? jsonTokens(outcome.text)
        : replyTokens(ctx, outcome.text);
  const p = plan(raw, body.max_completion_tokens ?? body.max_tokens, body.stop);
  const lps = top === null ? null : tokenLogprobs(p.tokens, top);
  const text = p.tokens.join("");
  const steps: Step[] = [
    {
      delta: { role: "assistant", content: refusal ? null : "", refusal: refusal ? "" : null },
      logprobs: null,
    },
    ...p.tokens.map((t, i) => {
      const lp = lps ? [lps[i] as ChatCompletionTokenLogprob] : null;
      return refusal
        ? { delta: { refusal: t }, logprobs: lp && { content: null, refusal: lp } }
        : { delta: { content: t }, logprobs: lp && { content: lp, refusal: null } };
    }),
    { delta: {}, logprobs: null, finish: p.finish },
  ];
  return {
    message: refusal ? { ...message, refusal: text } : { ...message, content: text },
    finish: p.finish,
    logprobs: lps && (refusal ? { content: null, refusal: lps } : { content: lps, refusal: null }),
    steps,
    tokens: p.tokens.length,
  };
}

export async function chatCompletions(ctx: Ctx): Promise<void> {
  const body = asRecord(ctx.json);
  const model = requireModel(ctx, body);
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new HttpError(
      400,
      "Missing required parameter: 'messages'.",
      "messages",
      "missing_required_parameter",
    );
  }
  const messages = body.messages as ChatCompletionMessageParam[];
  const n = typeof body.n === "number" ? body.n : 1;
  if (n < 1 || n > 128)
    throw new HttpError(
      400,
      `${n} is not a valid value for 'n': it must be between 1 and 128.`,
      "n",
      "integer_out_of_range",
    );
  checkReasoningParams(model, body, body.reasoning_effort, "reasoning_effort");
  const top = logprobsRequest(body, "chat");
  const tools = functionTools(body.tools);
  const lastUser = [...messages].reverse().find((msg) => msg.role === "user");
  const outcome = decide({
    api: "chat",
    prompt: textOf(lastUser?.content ?? ""),
    toolOutputs: trailingToolOutputs(messages),
    context: messages.map((msg) => textOf(msg.content)).join("\n"),
    tools,
    choice: toolChoice(body.tool_choice, body.tools, tools),
    parallel: body.parallel_tool_calls !== false,
    format: parseFormat(body.response_format, "response_format"),
  });
  const answers = Array.from({ length: n }, () => answer(ctx, outcome, body, top));
  const promptTokens =
    messages.reduce((a, msg) => a + estimateTokens(textOf(msg.content)) + 3, 3) +
    (tools.length ? estimateTokens(JSON.stringify(body.tools)) : 0);
  const id = ctx.state.id("chatcmpl");
  const created = ctx.state.now();
  const u = usage(
    model,
    promptTokens,
    answers.reduce((a, x) => a + x.tokens, 0),
  );

  if (body.stream !== true) {
    const completion: ChatCompletion = {
      id,
      object: "chat.completion",
      created,
      model,
      system_fingerprint: "fp_emulator",
      service_tier: "default",
      choices: answers.map((a, index) => ({
        index,
        message: a.message,
        logprobs: a.logprobs,
        finish_reason: a.finish,
      })),
      usage: u,
    };
    sendJson(ctx, 200, completion);
    return;
  }
  const includeUsage = asRecordOr(body.stream_options).include_usage === true;
  const chunk = (
    choices: ChatCompletionChunk["choices"],
    extra: Partial<ChatCompletionChunk> = {},
  ): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    system_fingerprint: "fp_emulator",
    service_tier: "default",
    choices,
    ...(includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const events: { data: ChatCompletionChunk }[] = [];
  const longest = Math.max(...answers.map((a) => a.steps.length));
  for (let i = 0; i < longest; i++) {
    answers.forEach((a, index) => {
      const s = a.steps[i];
      if (s)
        events.push({
          data: chunk([{ index, delta: s.delta, logprobs: s.logprobs, finish_reason: s.finish ?? null }]),
        });
    });
  }
  if (includeUsage) events.push({ data: chunk([], { usage: u }) });
  await streamEvents(ctx, events, true);
}

export async function legacyCompletions(ctx: Ctx): Promise<void> {
  const body = asRecord(ctx.json);
  const model = requireModel(ctx, body);
  const prompt = Array.isArray(body.prompt)
    ? body.prompt.join("\n")
    : typeof body.prompt === "string"
      ? body.prompt
      : "";
  const p = plan(replyTokens(ctx, replyFor(prompt)), body.max_tokens ?? 16, body.stop);
  const id = ctx.state.id("cmpl");
  const created = ctx.state.now();
  const u: CompletionUsage = {
    prompt_tokens: estimateTokens(prompt),
    completion_tokens: p.tokens.length,
    total_tokens: estimateTokens(prompt) + p.tokens.length,
  };
  const make = (text: string, finish: Completion["choices"][number]["finish_reason"] | null): Completion => ({
    id,
    object: "text_completion",
    created,
    model,
    system_fingerprint: "fp_emulator",
    choices: [
      {
        index: 0,
        text,
        logprobs: null,
        finish_reason: finish as Completion["choices"][number]["finish_reason"],
      },
    ],
  });
  if (body.stream !== true) {
    sendJson(ctx, 200, { ...make(p.tokens.join(""), p.finish), usage: u });
    return;
  }
  const events: { data: Completion }[] = p.tokens.map((t) => ({ data: make(t, null) }));
  events.push({ data: make("", p.finish) });
  if (asRecordOr(body.stream_options).include_usage === true)
    events.push({ data: { ...make("", null), choices: [], usage: u } });
  await streamEvents(ctx, events, true);
}

function asRecordOr(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
