import type { Response as ResponseObject, ResponseStreamEvent } from "openai/resources/responses/responses";
import { streamError } from "@/lib/api-stream";
import type { ApiErrorBody } from "@/lib/errors";
import { normaliseUsage, type TokenUsage } from "@/lib/usage";

/**
 * The test chat's view of one Responses call (docs/assistants-chat.md): every output item, in
 * order, as the stream builds it. Unlike the playground's accumulator (lib/playground/accumulate.ts),
 * which folds a reply into text and function calls, this keeps each item in the API's own shape
 * (message, reasoning, function_call, file_search_call, code_interpreter_call, web_search_call,
 * image_generation_call, mcp_list_tools, mcp_approval_request, mcp_call, …) so the same components
 * render streamed items, items loaded from a conversation and items in a share.
 *
 * Pure and incremental: the state after any event is what the page shows, so a stream that stops
 * or breaks keeps everything that arrived. Read defensively: a compatible server may leave fields out.
 */

/** An item as the API sends it; components read it through the SDK's item types. */
export type ChatItem = { type: string; id?: string } & Record<string, unknown>;

export interface TurnStream {
  responseId: string | null;
  model: string | null;
  /** By output_index; a hole stays undefined until its item arrives. */
  items: (ChatItem | undefined)[];
  usage: TokenUsage | null;
  /** The terminal status (`completed`, `incomplete`, `failed`), or null while streaming. */
  status: string | null;
  error: ApiErrorBody["error"] | null;
  events: number;
}

export function emptyTurnStream(): TurnStream {
  return { responseId: null, model: null, items: [], usage: null, status: null, error: null, events: 0 };
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** The array at `key`, made one (a copy) when it is missing or not a list. */
function list(r: Rec, key: string): Rec[] {
  if (!Array.isArray(r[key])) r[key] = [];
  return r[key] as Rec[];
}

/** The item an event names: by output_index, else by item_id. */
function target(s: TurnStream, e: Rec): ChatItem | undefined {
  if (typeof e.output_index === "number" && s.items[e.output_index]) return s.items[e.output_index];
  const id = str(e.item_id);
  return id ? s.items.find((i) => i?.id === id) : undefined;
}

/** Replaces the item at its index with a copy changed by `change`, so React sees a new object. */
function patch(s: TurnStream, e: Rec, change: (item: ChatItem) => void): void {
  const item = target(s, e);
  if (!item) return;
  const copy = structuredClone(item);
  change(copy);
  s.items[s.items.indexOf(item)] = copy;
}

/** The output_text (or refusal) part at content_index, created on demand. */
function part(item: ChatItem, index: unknown, type = "output_text"): Rec {
  const content = list(item, "content");
  const i = typeof index === "number" ? index : Math.max(content.length - 1, 0);
  content[i] ??= type === "refusal" ? { type, refusal: "" } : { type, text: "", annotations: [] };
  return content[i];
}

function summary(item: ChatItem, index: unknown): Rec {
  const items = list(item, "summary");
  const i = typeof index === "number" ? index : Math.max(items.length - 1, 0);
  items[i] ??= { type: "summary_text", text: "" };
  return items[i];
}

function meta(s: TurnStream, r: unknown): void {
  if (!isRec(r)) return;
  if (typeof r.id === "string") s.responseId ??= r.id;
  if (typeof r.model === "string") s.model = r.model;
  const usage = normaliseUsage(r.usage);
  if (usage) s.usage = usage;
}

/** The terminal Response: its output is authoritative when it has one (some servers send it empty). */
function terminal(s: TurnStream, r: ResponseObject | undefined, status: string): void {
  meta(s, r);
  s.status = (r?.status as string | undefined) ?? status;
  const output = arr(r?.output).filter(isRec) as ChatItem[];
  if (output.length) s.items = output;
  const err = r?.error;
  if (err?.message)
    s.error = { message: err.message, type: "server_error", param: null, code: err.code || null };
  else if (s.status === "incomplete" && r?.incomplete_details?.reason)
    s.error = {
      message: `The response stopped early: ${r.incomplete_details.reason}.`,
      type: "incomplete",
      param: null,
      code: r.incomplete_details.reason,
    };
}

const appendTo =
  (key: string) =>
  (item: ChatItem, delta: string): void => {
    item[key] = str(item[key]) + delta;
  };

/** Delta events that extend one string field of the item. */
const DELTAS: Record<string, (item: ChatItem, delta: string) => void> = {
  "response.function_call_arguments.delta": appendTo("arguments"),
  "response.mcp_call_arguments.delta": appendTo("arguments"),
  "response.custom_tool_call_input.delta": appendTo("input"),
  "response.code_interpreter_call_code.delta": appendTo("code"),
};

/** `response.<tool>.<phase>` progress events: the item's status follows. */
const PROGRESS =
  /^response\.(file_search_call|web_search_call|code_interpreter_call|image_generation_call|mcp_call|mcp_list_tools)\.(in_progress|searching|interpreting|generating|completed|failed)$/;

/** Applies one SSE event's parsed data. */
export function applyChatEvent(s: TurnStream, data: unknown): void {
  if (!isRec(data)) return;
  s.events++;
  const err = streamError(data);
  if (err) {
    s.error = err.toJSON().error;
    return;
  }
  const e = data as Rec & { type?: string };
  const type = str(e.type);
  const delta = str(e.delta);
  const progress = PROGRESS.exec(type);
  if (progress) {
    const phase =
      progress[2] === "completed" ? "completed" : progress[2] === "failed" ? "failed" : progress[2];
    patch(s, e, (item) => {
      item.status = phase;
    });
    return;
  }
  const extend = DELTAS[type];
  if (extend) {
    patch(s, e, (item) => extend(item, delta));
    return;
  }
  const ev = data as unknown as ResponseStreamEvent;
  switch (ev.type) {
    case "response.created":
    case "response.in_progress":
    case "response.queued":
      meta(s, ev.response);
      return;
    case "response.output_item.added":
    case "response.output_item.done":
      if (isRec(ev.item)) s.items[ev.output_index ?? s.items.length] = structuredClone(ev.item) as ChatItem;
      return;
    case "response.content_part.added":
      patch(s, e, (item) => {
        const content = list(item, "content");
        content[ev.content_index ?? content.length] ??= structuredClone(ev.part) as unknown as Rec;
      });
      return;
    case "response.output_text.delta":
      patch(s, e, (item) => {
        const p = part(item, ev.content_index);
        p.text = str(p.text) + delta;
      });
      return;
    case "response.output_text.done":
      patch(s, e, (item) => {
        part(item, ev.content_index).text = ev.text;
      });
      return;
    case "response.output_text.annotation.added":
      patch(s, e, (item) => {
        const p = part(item, ev.content_index);
        const notes = list(p, "annotations");
        notes[ev.annotation_index ?? notes.length] = ev.annotation as unknown as Rec;
      });
      return;
    case "response.refusal.delta":
      patch(s, e, (item) => {
        const p = part(item, ev.content_index, "refusal");
        p.refusal = str(p.refusal) + delta;
      });
      return;
    case "response.reasoning_summary_part.added":
      patch(s, e, (item) => void summary(item, ev.summary_index));
      return;
    case "response.reasoning_summary_text.delta":
      patch(s, e, (item) => {
        const p = summary(item, ev.summary_index);
        p.text = str(p.text) + delta;
      });
      return;
    case "response.reasoning_text.delta":
      patch(s, e, (item) => {
        const content = list(item, "content");
        const i = ev.content_index ?? 0;
        content[i] ??= { type: "reasoning_text", text: "" };
        content[i].text = str(content[i].text) + delta;
      });
      return;
    case "response.image_generation_call.partial_image":
      patch(s, e, (item) => {
        item.partial_image_b64 = ev.partial_image_b64;
      });
      return;
    case "response.completed":
    case "response.incomplete":
    case "response.failed":
      terminal(s, ev.response, ev.type.slice("response.".length));
      return;
  }
}

/** The items that arrived, in order, without holes. */
export function streamedItems(s: TurnStream): ChatItem[] {
  return s.items.filter((i): i is ChatItem => i !== undefined);
}
