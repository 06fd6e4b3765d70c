import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import type { Completion, CompletionUsage } from "openai/resources/completions";
import { asRecord, type Ctx, estimateTokens, HttpError, sendJson, streamEvents, tokenize } from "./http";
import { isReasoningModel, requireModel } from "./models";

function textOf(content: ChatCompletionMessageParam["content"]): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => ("text" in p && typeof p.text === "string" ? p.text : "")).join(" ");
}

/** A deterministic reply: the last user message echoed, or a long text when it asks for `[long]`. */
export function replyFor(prompt: string): string {
  if (prompt.includes("[long]")) {
    return Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
  }
  return `Echo: ${prompt.trim() || "(empty)"}`;
}

interface Plan {
  tokens: string[];
  finish: "stop" | "length";
}

function plan(ctx: Ctx, prompt: string, limit: unknown, stop: unknown): Plan {
  let tokens = tokenize(replyFor(prompt));
  if (ctx.state.config.streamChunks !== undefined) {
    tokens = Array.from({ length: ctx.state.config.streamChunks }, (_, i) => ` t${i}`);
  }
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
  const lastUser = [...messages].reverse().find((msg) => msg.role === "user");
  const p = plan(
    ctx,
    textOf(lastUser?.content ?? ""),
    body.max_completion_tokens ?? body.max_tokens,
    body.stop,
  );
  const promptTokens = messages.reduce((a, msg) => a + estimateTokens(textOf(msg.content)) + 3, 3);
  const id = ctx.state.id("chatcmpl");
  const created = ctx.state.now();
  const u = usage(model, promptTokens, p.tokens.length * n);

  if (body.stream !== true) {
    const completion: ChatCompletion = {
      id,
      object: "chat.completion",
      created,
      model,
      system_fingerprint: "fp_emulator",
      service_tier: "default",
      choices: Array.from({ length: n }, (_, index) => ({
        index,
        message: { role: "assistant", content: p.tokens.join(""), refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: p.finish,
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
  for (let index = 0; index < n; index++) {
    events.push({
      data: chunk([
        {
          index,
          delta: { role: "assistant", content: "", refusal: null },
          logprobs: null,
          finish_reason: null,
        },
      ]),
    });
  }
  for (const t of p.tokens) {
    for (let index = 0; index < n; index++) {
      events.push({ data: chunk([{ index, delta: { content: t }, logprobs: null, finish_reason: null }]) });
    }
  }
  for (let index = 0; index < n; index++) {
    events.push({ data: chunk([{ index, delta: {}, logprobs: null, finish_reason: p.finish }]) });
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
  const p = plan(ctx, prompt, body.max_tokens ?? 16, body.stop);
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
