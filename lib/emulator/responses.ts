import type { InputTokenCountResponse } from "openai/resources/responses/input-tokens";
import type {
  Response as ResponseObject,
  ResponseOutputMessage,
  ResponseStreamEvent,
  ResponseUsage,
} from "openai/resources/responses/responses";
import { replyFor } from "./chat";
import { asRecord, type Ctx, estimateTokens, HttpError, sendJson, streamEvents, tokenize } from "./http";
import { isReasoningModel, requireModel } from "./models";

/** The text of a Responses `input`: a string, or the text parts of its items. */
function inputText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  const parts: string[] = [];
  for (const item of input) {
    const it = item as { role?: string; content?: unknown };
    if (it.role && it.role !== "user") continue;
    if (typeof it.content === "string") parts.push(it.content);
    else if (Array.isArray(it.content)) {
      for (const c of it.content as { text?: unknown }[]) if (typeof c.text === "string") parts.push(c.text);
    }
  }
  return parts.at(-1) ?? "";
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
  const model = requireModel(ctx, body);
  if (body.input === undefined)
    throw new HttpError(400, "Missing required parameter: 'input'.", "input", "missing_required_parameter");
  const text = inputText(body.input);
  let tokens = tokenize(replyFor(text));
  if (ctx.state.config.streamChunks !== undefined)
    tokens = Array.from({ length: ctx.state.config.streamChunks }, (_, i) => ` t${i}`);
  const limit = typeof body.max_output_tokens === "number" ? body.max_output_tokens : undefined;
  if (limit !== undefined && limit < 16) {
    throw new HttpError(
      400,
      `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${limit} instead.`,
      "max_output_tokens",
      "integer_below_min_value",
    );
  }
  const incomplete = limit !== undefined && limit < tokens.length;
  if (incomplete) tokens = tokens.slice(0, limit);
  const id = ctx.state.id("resp", "_");
  const msgId = ctx.state.id("msg", "_");
  const createdAt = ctx.state.now();
  const full = tokens.join("");
  const instructions = typeof body.instructions === "string" ? body.instructions : null;
  const message: ResponseOutputMessage = {
    id: msgId,
    type: "message",
    status: incomplete ? "incomplete" : "completed",
    role: "assistant",
    content: [{ type: "output_text", text: full, annotations: [], logprobs: [] }],
  };
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
    tool_choice: "auto" as const,
    tools: [],
    text: { format: { type: "text" as const }, verbosity: "medium" as const },
    truncation: "disabled" as const,
    store: body.store !== false,
    background: false,
    max_output_tokens: limit ?? null,
    previous_response_id: typeof body.previous_response_id === "string" ? body.previous_response_id : null,
    reasoning: isReasoningModel(model)
      ? { effort: "medium" as const, summary: null }
      : { effort: null, summary: null },
    service_tier: "default" as const,
    error: null,
    output_text: full,
  };
  const done = {
    ...base,
    status: incomplete ? ("incomplete" as const) : ("completed" as const),
    incomplete_details: incomplete ? { reason: "max_output_tokens" as const } : null,
    output: [message],
    usage: usageFor(model, estimateTokens(`${instructions ?? ""}${text}`) + 3, tokens.length),
  } as unknown as ResponseObject;
  if (base.store) ctx.state.responses.set(id, done);
  if (body.stream !== true) {
    sendJson(ctx, 200, done);
    return;
  }
  const inProgress = {
    ...base,
    status: "in_progress",
    incomplete_details: null,
    output: [],
    usage: null,
  } as unknown as ResponseObject;
  let seq = 0;
  const ev = (e: Record<string, unknown>): { event: string; data: ResponseStreamEvent } => {
    const data = { ...e, sequence_number: seq++ } as unknown as ResponseStreamEvent;
    return { event: data.type, data };
  };
  const where = { item_id: msgId, output_index: 0, content_index: 0 };
  const events = [
    ev({ type: "response.created", response: inProgress }),
    ev({ type: "response.in_progress", response: inProgress }),
    ev({
      type: "response.output_item.added",
      output_index: 0,
      item: { ...message, status: "in_progress", content: [] },
    }),
    ev({
      type: "response.content_part.added",
      ...where,
      part: { type: "output_text", text: "", annotations: [], logprobs: [] },
    }),
    ...tokens.map((delta) => ev({ type: "response.output_text.delta", ...where, delta, logprobs: [] })),
    ev({ type: "response.output_text.done", ...where, text: full, logprobs: [] }),
    ev({ type: "response.content_part.done", ...where, part: message.content[0] }),
    ev({ type: "response.output_item.done", output_index: 0, item: message }),
    ev({ type: incomplete ? "response.incomplete" : "response.completed", response: done }),
  ];
  await streamEvents(ctx, events);
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
