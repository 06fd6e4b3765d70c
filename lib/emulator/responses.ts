import type { ConversationItem } from "openai/resources/conversations/items";
import type { InputTokenCountResponse } from "openai/resources/responses/input-tokens";
import type {
  Response as ResponseObject,
  ResponseStreamEvent,
  ResponseUsage,
} from "openai/resources/responses/responses";
import {
  checkReasoningParams,
  decide,
  functionTools,
  jsonTokens,
  parseFormat,
  toolChoice,
} from "./behaviour";
import { conversationParam, inputItems } from "./conversations";
import { type Annotation, hostedTurn, type Sentence } from "./hosted-tools";
import { asRecord, type Ctx, estimateTokens, HttpError, sendJson, streamEvents, tokenize } from "./http";
import { logprobsRequest } from "./logprobs";
import { echoTools } from "./mcp-tools";
import { isReasoningModel, requireModel } from "./models";
import { type Built, type Ev, functionCallItem, messageItem, reasoningItem } from "./response-items";

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function partsText(content: unknown): string[] {
  if (typeof content === "string") return [content];
  if (!Array.isArray(content)) return [];
  return (content as { text?: unknown }[]).flatMap((c) => (typeof c?.text === "string" ? [c.text] : []));
}

/** The text of a Responses `input`: a string, or the last user item's text parts. */
function inputText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  const parts: string[] = [];
  for (const item of input) {
    const it = item as { role?: string; content?: unknown };
    if (it.role && it.role !== "user") continue;
    parts.push(...partsText(it.content));
  }
  return parts.at(-1) ?? "";
}

/** Every text in `input`, any role, tool outputs included. */
function allText(input: unknown): string {
  if (!Array.isArray(input)) return typeof input === "string" ? input : "";
  return input.flatMap((it) => [...partsText(rec(it).content), ...partsText(rec(it).output)]).join("\n");
}

/** Outputs of the `function_call_output` items `input` ends with. */
function trailingOutputs(input: unknown): string[] {
  if (!Array.isArray(input)) return [];
  const out: string[] = [];
  for (let i = input.length - 1; i >= 0 && rec(input[i]).type === "function_call_output"; i--)
    out.unshift(partsText(rec(input[i]).output).join(" "));
  return out;
}

function usageFor(model: string, input: number, output: number): ResponseUsage {
  const reasoning = isReasoningModel(model) ? Math.min(64, output * 2) : 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output + reasoning,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: input + output + reasoning,
  };
}

export async function createResponse(ctx: Ctx): Promise<void> {
  const body = asRecord(ctx.json);
  refusePrompt(body.prompt);
  const model = requireModel(ctx, body);
  if (body.input === undefined)
    throw new HttpError(400, "Missing required parameter: 'input'.", "input", "missing_required_parameter");
  const limit = typeof body.max_output_tokens === "number" ? body.max_output_tokens : undefined;
  if (limit !== undefined && limit < 16) {
    throw new HttpError(
      400,
      `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${limit} instead.`,
      "max_output_tokens",
      "integer_below_min_value",
    );
  }
  const conversation = conversationParam(ctx.state, body);
  const reasoning = rec(body.reasoning);
  checkReasoningParams(model, body, reasoning.effort, "reasoning.effort");
  const top = logprobsRequest(body, "responses");
  const textCfg = rec(body.text);
  const tools = functionTools(body.tools);
  const instructions = typeof body.instructions === "string" ? body.instructions : null;
  const text = inputText(body.input);
  const outcome = decide({
    api: "responses",
    prompt: text,
    toolOutputs: trailingOutputs(body.input),
    context: `${instructions ?? ""}\n${allText(conversation?.items ?? [])}\n${allText(body.input)}`,
    tools,
    choice: toolChoice(body.tool_choice, body.tools, tools),
    parallel: body.parallel_tool_calls !== false,
    format: parseFormat(textCfg.format, "text.format"),
  });

  const built: Built[] = [];
  const include = Array.isArray(body.include) ? body.include : [];
  if (isReasoningModel(model)) {
    const summary = reasoning.summary !== undefined && reasoning.summary !== null;
    built.push(reasoningItem(ctx, 0, text, summary, include.includes("reasoning.encrypted_content")));
  }
  const previous =
    typeof body.previous_response_id === "string"
      ? (ctx.state.responses.get(body.previous_response_id)?.output ?? [])
      : [];
  const hosted = hostedTurn(ctx, {
    prompt: text,
    tools: body.tools,
    toolChoice: body.tool_choice,
    include,
    history: [...(conversation?.items ?? []), ...previous, ...(Array.isArray(body.input) ? body.input : [])],
    input: body.input,
    first: built.length,
  });
  built.push(...hosted.built);
  let outTokens = hosted.built.length * 12;
  let incomplete = false;
  let outputText = "";
  if (hosted.stop) {
    // An MCP approval request ends the turn.
  } else if (outcome.kind === "tools") {
    for (const call of outcome.calls) {
      built.push(functionCallItem(ctx, built.length, call));
      outTokens += jsonTokens(call.arguments).length;
    }
  } else {
    const plain = outcome.kind === "text" && !outcome.structured;
    // A turn that only answers an MCP approval has no user text to echo: the tool's sentence is the reply.
    const bare = !text.trim() && hosted.sentences.length > 0 && trailingOutputs(body.input).length === 0;
    const answer = plain ? withSentences(bare ? "" : outcome.text, hosted.sentences) : null;
    let tokens = answer
      ? tokenize(answer.text)
      : outcome.kind === "text" && outcome.structured
        ? jsonTokens(outcome.text)
        : tokenize(outcome.text);
    if (plain && !hosted.sentences.length && ctx.state.config.streamChunks !== undefined)
      tokens = Array.from({ length: ctx.state.config.streamChunks }, (_, i) => ` t${i}`);
    incomplete = limit !== undefined && limit < tokens.length;
    if (incomplete) tokens = tokens.slice(0, limit);
    const refusal = outcome.kind === "refusal";
    const length = tokens.join("").length;
    const annotations = (answer?.annotations ?? []).filter(
      (a) => ("end_index" in a ? a.end_index : "index" in a ? a.index : 0) <= length,
    );
    built.push(messageItem(ctx, built.length, tokens, { refusal, incomplete, top, annotations }));
    outTokens += tokens.length;
    if (!refusal) outputText = tokens.join("");
  }

  const id = ctx.state.id("resp", "_");
  const createdAt = ctx.state.now();
  const base = {
    id,
    object: "response" as const,
    created_at: createdAt,
    model,
    instructions,
    metadata: (body.metadata as Record<string, string> | undefined) ?? {},
    parallel_tool_calls: body.parallel_tool_calls !== false,
    temperature: typeof body.temperature === "number" ? body.temperature : 1,
    top_p: typeof body.top_p === "number" ? body.top_p : 1,
    top_logprobs: typeof body.top_logprobs === "number" ? body.top_logprobs : 0,
    tool_choice: body.tool_choice ?? "auto",
    tools: echoTools(body.tools),
    text: { format: textCfg.format ?? { type: "text" }, verbosity: textCfg.verbosity ?? "medium" },
    truncation: "disabled" as const,
    store: body.store !== false,
    background: false,
    max_output_tokens: limit ?? null,
    previous_response_id: typeof body.previous_response_id === "string" ? body.previous_response_id : null,
    conversation: conversation ? { id: conversation.id } : null,
    reasoning: isReasoningModel(model)
      ? { effort: reasoning.effort ?? "medium", summary: reasoning.summary ?? null }
      : { effort: null, summary: null },
    service_tier: "default" as const,
    error: null,
  };
  const toolsTokens = tools.length ? estimateTokens(JSON.stringify(body.tools)) : 0;
  const done = {
    ...base,
    status: incomplete ? ("incomplete" as const) : ("completed" as const),
    incomplete_details: incomplete ? { reason: "max_output_tokens" as const } : null,
    output: built.map((b) => b.item),
    output_text: outputText,
    usage: usageFor(model, estimateTokens(`${instructions ?? ""}${text}`) + 3 + toolsTokens, outTokens),
  } as unknown as ResponseObject;
  if (base.store) ctx.state.responses.set(id, done);
  // The turn joins the conversation now: the emulator completes a response before it streams it.
  if (conversation)
    conversation.items.push(
      ...inputItems(ctx.state, body.input),
      ...built.map((b) => (b.full ?? b.item) as ConversationItem),
    );
  if (body.stream !== true) {
    sendJson(ctx, 200, done);
    return;
  }
  const inProgress = {
    ...base,
    status: "in_progress",
    incomplete_details: null,
    output: [],
    output_text: "",
    usage: null,
  } as unknown as ResponseObject;
  const all: Ev[] = [
    { type: "response.created", response: inProgress },
    { type: "response.in_progress", response: inProgress },
    ...built.flatMap((b) => b.events),
    { type: incomplete ? "response.incomplete" : "response.completed", response: done },
  ];
  const events = all.map((e, seq) => {
    const data = { ...e, sequence_number: seq } as unknown as ResponseStreamEvent;
    return { event: data.type, data };
  });
  await streamEvents(ctx, events);
}

/** The reply followed by what the hosted tools found, each citation moved to its place in the whole. */
function withSentences(reply: string, sentences: Sentence[]): { text: string; annotations: Annotation[] } {
  let text = reply;
  const annotations: Annotation[] = [];
  for (const s of sentences) {
    if (text) text += "\n\n";
    const offset = text.length;
    text += s.text;
    for (const a of s.annotations) {
      if ("start_index" in a)
        annotations.push({ ...a, start_index: a.start_index + offset, end_index: a.end_index + offset });
      else if ("index" in a) annotations.push({ ...a, index: a.index + offset });
      else annotations.push(a);
    }
  }
  return { text: text || reply, annotations };
}

/** OpenAI's prompt objects are gone: a `prompt` that reaches the upstream is an unexpanded reference. */
function refusePrompt(prompt: unknown): void {
  if (prompt === undefined || prompt === null) return;
  const id = rec(prompt).id;
  throw new HttpError(
    400,
    `Prompt '${typeof id === "string" ? id : ""}' not found: prompt objects were shut down on 2026-11-30.`,
    "prompt",
    "prompt_not_found",
  );
}

export function retrieveResponse(ctx: Ctx): void {
  const r = ctx.state.responses.get(ctx.params[0] ?? "");
  if (!r) throw new HttpError(404, `Response with id '${ctx.params[0]}' not found.`, null, null);
  sendJson(ctx, 200, r);
}

export function deleteResponse(ctx: Ctx): void {
  const id = ctx.params[0] ?? "";
  if (!ctx.state.responses.delete(id))
    throw new HttpError(404, `Response with id '${id}' not found.`, null, null);
  sendJson(ctx, 200, { id, object: "response", deleted: true });
}

export function countInputTokens(ctx: Ctx): void {
  const body = asRecord(ctx.json);
  requireModel(ctx, body);
  const text = `${typeof body.instructions === "string" ? body.instructions : ""}${JSON.stringify(body.input ?? "")}${JSON.stringify(body.tools ?? "")}`;
  const out: InputTokenCountResponse = {
    object: "response.input_tokens",
    input_tokens: estimateTokens(text) + 3,
  };
  sendJson(ctx, 200, out);
}
