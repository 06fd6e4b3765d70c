import type {
  ResponseFunctionToolCall,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseOutputText,
  ResponseReasoningItem,
} from "openai/resources/responses/responses";
import { jsonTokens, type PlannedCall } from "./behaviour";
import { type Ctx, tokenize } from "./http";
import { tokenLogprobs } from "./logprobs";

/**
 * Responses output items and the stream events that build them, in order. Events lack
 * `sequence_number`; the caller numbers them.
 */

export type Ev = Record<string, unknown> & { type: string };

export interface Built {
  item: ResponseOutputItem;
  events: Ev[];
  /** The item with every field `include` can gate, as a conversation keeps it (when it differs). */
  full?: ResponseOutputItem;
}

/** `{type:"reasoning"}` first for reasoning models; with `summary`, "Thinking about: <prompt>". */
export function reasoningItem(
  ctx: Ctx,
  output_index: number,
  prompt: string,
  summary: boolean,
  encrypted: boolean,
): Built {
  const id = ctx.state.id("rs", "_");
  const text = `Thinking about: ${prompt.trim() || "(empty)"}`;
  const item: ResponseReasoningItem = {
    id,
    type: "reasoning",
    summary: summary ? [{ type: "summary_text", text }] : [],
    ...(encrypted
      ? { encrypted_content: Buffer.from(`emulated reasoning ${id}: ${text}`).toString("base64") }
      : {}),
  };
  const where = { item_id: id, output_index, summary_index: 0 };
  const events: Ev[] = [{ type: "response.output_item.added", output_index, item: { ...item, summary: [] } }];
  if (summary) {
    events.push(
      { type: "response.reasoning_summary_part.added", ...where, part: { type: "summary_text", text: "" } },
      ...tokenize(text).map((delta) => ({ type: "response.reasoning_summary_text.delta", ...where, delta })),
      { type: "response.reasoning_summary_text.done", ...where, text },
      { type: "response.reasoning_summary_part.done", ...where, part: { type: "summary_text", text } },
    );
  }
  events.push({ type: "response.output_item.done", output_index, item });
  return { item, events };
}

/** One `function_call` item per planned call, arguments streamed in several deltas. */
export function functionCallItem(ctx: Ctx, output_index: number, call: PlannedCall): Built {
  const item: ResponseFunctionToolCall = {
    id: ctx.state.id("fc", "_"),
    type: "function_call",
    status: "completed",
    call_id: ctx.state.id("call", "_"),
    name: call.name,
    arguments: call.arguments,
  };
  const where = { item_id: item.id, output_index };
  return {
    item,
    events: [
      {
        type: "response.output_item.added",
        output_index,
        item: { ...item, arguments: "", status: "in_progress" },
      },
      ...jsonTokens(call.arguments).map((delta) => ({
        type: "response.function_call_arguments.delta",
        ...where,
        delta,
      })),
      { type: "response.function_call_arguments.done", ...where, name: call.name, arguments: call.arguments },
      { type: "response.output_item.done", output_index, item },
    ],
  };
}

/**
 * The assistant message: output text (with logprobs when `top` is set) or a refusal part.
 * `incomplete` marks a reply cut by `max_output_tokens`.
 */
export function messageItem(
  ctx: Ctx,
  output_index: number,
  tokens: string[],
  opts: {
    refusal: boolean;
    incomplete: boolean;
    top: number | null;
    annotations?: ResponseOutputText["annotations"];
  },
): Built {
  const id = ctx.state.id("msg", "_");
  const full = tokens.join("");
  const lps = opts.top === null ? [] : tokenLogprobs(tokens, opts.top);
  // Stream events carry the lighter TextDelta logprob shape (no bytes).
  const light = lps.map((l) => ({
    token: l.token,
    logprob: l.logprob,
    top_logprobs: l.top_logprobs.map((t) => ({ token: t.token, logprob: t.logprob })),
  }));
  const part: ResponseOutputMessage["content"][number] = opts.refusal
    ? { type: "refusal", refusal: full }
    : ({
        type: "output_text",
        text: full,
        annotations: opts.annotations ?? [],
        logprobs: lps,
      } satisfies ResponseOutputText);
  const item: ResponseOutputMessage = {
    id,
    type: "message",
    status: opts.incomplete ? "incomplete" : "completed",
    role: "assistant",
    content: [part],
  };
  const where = { item_id: id, output_index, content_index: 0 };
  const body: Ev[] = opts.refusal
    ? [
        { type: "response.content_part.added", ...where, part: { type: "refusal", refusal: "" } },
        ...tokens.map((delta) => ({ type: "response.refusal.delta", ...where, delta })),
        { type: "response.refusal.done", ...where, refusal: full },
      ]
    : [
        {
          type: "response.content_part.added",
          ...where,
          part: { type: "output_text", text: "", annotations: [], logprobs: [] },
        },
        ...textDeltas(tokens, opts.annotations ?? [], (delta, i) => ({
          type: "response.output_text.delta",
          ...where,
          delta,
          logprobs: light.slice(i, i + 1),
        })).map((e) => (e.type === "response.output_text.annotation.added" ? { ...e, ...where } : e)),
        { type: "response.output_text.done", ...where, text: full, logprobs: light },
      ];
  return {
    item,
    events: [
      {
        type: "response.output_item.added",
        output_index,
        item: { ...item, status: "in_progress", content: [] },
      },
      ...body,
      { type: "response.content_part.done", ...where, part },
      { type: "response.output_item.done", output_index, item },
    ],
  };
}

/**
 * Text deltas with each annotation announced (`response.output_text.annotation.added`) right after
 * the delta that completes the text it points at, as the API streams them.
 */
function textDeltas(
  tokens: string[],
  annotations: ResponseOutputText["annotations"],
  delta: (token: string, i: number) => Ev,
): Ev[] {
  const at = (a: ResponseOutputText["annotations"][number]) =>
    "end_index" in a ? a.end_index : "index" in a ? a.index : 0;
  const out: Ev[] = [];
  let length = 0;
  let next = 0;
  tokens.forEach((token, i) => {
    out.push(delta(token, i));
    length += token.length;
    for (; next < annotations.length && at(annotations[next] as never) <= length; next++)
      out.push({
        type: "response.output_text.annotation.added",
        annotation_index: next,
        annotation: annotations[next],
      });
  });
  for (; next < annotations.length; next++)
    out.push({
      type: "response.output_text.annotation.added",
      annotation_index: next,
      annotation: annotations[next],
    });
  return out;
}
