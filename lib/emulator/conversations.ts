import type { Conversation, ConversationDeletedResource } from "openai/resources/conversations/conversations";
import type { ConversationItem, ConversationItemList } from "openai/resources/conversations/items";
import { asRecord, type Ctx, HttpError, sendJson } from "./http";
import type { EmulatorState, StoredConversation } from "./state";
import { intInRange, invalidType, metadata, missing } from "./validate";

/**
 * The Conversations API: a conversation holds items; `POST /v1/responses` with `conversation`
 * reads them first and appends the turn's input and output once the response completes. Deleting a
 * conversation leaves its items in place, as the API documents: they stay in the state, unreachable.
 */

const MAX_ITEMS_PER_CALL = 20;

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const ID_PREFIX: Record<string, string> = {
  message: "msg",
  function_call: "fc",
  function_call_output: "fco",
  mcp_approval_response: "mcpr",
  mcp_approval_request: "mcpr",
  reasoning: "rs",
};

/** One input item (a Responses input item or a bare string) as the conversation stores it. */
export function toConversationItem(state: EmulatorState, raw: unknown, at: string): ConversationItem {
  if (typeof raw === "string") raw = { role: "user", content: raw };
  const it = rec(raw);
  const type = typeof it.type === "string" ? it.type : "message";
  if (type === "item_reference") {
    throw new HttpError(
      400,
      `Invalid value: 'item_reference'. Add the item itself.`,
      `${at}.type`,
      "invalid_value",
    );
  }
  const id = typeof it.id === "string" ? it.id : state.id(ID_PREFIX[type] ?? type.replace(/_call$/, ""), "_");
  if (type === "message") {
    const role = typeof it.role === "string" ? it.role : null;
    if (!role) throw missing(`${at}.role`);
    const textType = role === "assistant" ? "output_text" : "input_text";
    const content =
      typeof it.content === "string"
        ? [
            role === "assistant"
              ? { type: textType, text: it.content, annotations: [] }
              : { type: textType, text: it.content },
          ]
        : Array.isArray(it.content)
          ? it.content
          : [];
    return { id, type: "message", role, status: "completed", content } as ConversationItem;
  }
  return { ...it, id, type, ...(it.status === undefined ? { status: "completed" } : {}) } as ConversationItem;
}

/** The `input` of a Responses request as items. */
export function inputItems(state: EmulatorState, input: unknown): ConversationItem[] {
  const list = typeof input === "string" ? [input] : Array.isArray(input) ? input : [];
  return list
    .filter((x) => rec(x).type !== "item_reference")
    .map((x, i) => toConversationItem(state, x, `input[${i}]`));
}

/** Fields the API returns only when `include` asks for them. */
export function project<T>(item: T, include: readonly unknown[]): T {
  const it = rec(item);
  if (it.type === "file_search_call" && !include.includes("file_search_call.results"))
    return { ...it, results: null } as T;
  if (it.type === "code_interpreter_call" && !include.includes("code_interpreter_call.outputs"))
    return { ...it, outputs: null } as T;
  if (it.type === "web_search_call" && !include.includes("web_search_call.action.sources")) {
    const { sources: _drop, ...action } = rec(it.action);
    return { ...it, action } as T;
  }
  if (it.type === "reasoning" && !include.includes("reasoning.encrypted_content")) {
    const { encrypted_content: _drop, ...rest } = it;
    return rest as T;
  }
  return item;
}

export function findConversation(state: EmulatorState, id: string): StoredConversation {
  const c = state.conversations.get(id);
  if (!c || c.deleted) throw new HttpError(404, `Conversation with id '${id}' not found.`, null, null);
  return c;
}

function conversationObject(c: StoredConversation): Conversation {
  return { id: c.id, object: "conversation", created_at: c.createdAt, metadata: c.metadata ?? {} };
}

function itemsParam(v: unknown, param: string, required: boolean): unknown[] {
  if (v === undefined || v === null) {
    if (required) throw missing(param);
    return [];
  }
  if (!Array.isArray(v)) throw invalidType(param, "an array", v);
  if (v.length > MAX_ITEMS_PER_CALL)
    throw new HttpError(
      400,
      `Invalid '${param}': array too long. Expected an array with maximum length ${MAX_ITEMS_PER_CALL}, but got an array with length ${v.length} instead.`,
      param,
      "array_above_max_length",
    );
  return v;
}

function includeParam(query: URLSearchParams): string[] {
  return [...query.getAll("include"), ...query.getAll("include[]")];
}

export function createConversation(ctx: Ctx): void {
  const body = asRecord(ctx.json);
  const raw = itemsParam(body.items, "items", false);
  const meta = metadata(body.metadata);
  const c: StoredConversation = {
    id: ctx.state.id("conv", "_"),
    createdAt: ctx.state.now(),
    metadata: meta,
    items: raw.map((x, i) => toConversationItem(ctx.state, x, `items[${i}]`)),
    deleted: false,
  };
  ctx.state.conversations.set(c.id, c);
  sendJson(ctx, 200, conversationObject(c));
}

export function retrieveConversation(ctx: Ctx): void {
  sendJson(ctx, 200, conversationObject(findConversation(ctx.state, ctx.params[0] ?? "")));
}

export function updateConversation(ctx: Ctx): void {
  const c = findConversation(ctx.state, ctx.params[0] ?? "");
  const body = asRecord(ctx.json);
  if (!("metadata" in body)) throw missing("metadata");
  c.metadata = metadata(body.metadata);
  sendJson(ctx, 200, conversationObject(c));
}

export function deleteConversation(ctx: Ctx): void {
  const c = findConversation(ctx.state, ctx.params[0] ?? "");
  c.deleted = true;
  const out: ConversationDeletedResource = { id: c.id, object: "conversation.deleted", deleted: true };
  sendJson(ctx, 200, out);
}

export function addItems(ctx: Ctx): void {
  const c = findConversation(ctx.state, ctx.params[0] ?? "");
  const body = asRecord(ctx.json);
  const raw = itemsParam(body.items, "items", true);
  const added = raw.map((x, i) => toConversationItem(ctx.state, x, `items[${i}]`));
  c.items.push(...added);
  const include = includeParam(ctx.query);
  const data = added.map((x) => project(x, include));
  const out: ConversationItemList = {
    object: "list",
    data,
    first_id: data[0]?.id ?? "",
    last_id: data.at(-1)?.id ?? "",
    has_more: false,
  };
  sendJson(ctx, 200, out);
}

export function listItems(ctx: Ctx): void {
  const c = findConversation(ctx.state, ctx.params[0] ?? "");
  const q = ctx.query;
  const limit = q.get("limit") === null ? 20 : intInRange(Number(q.get("limit")), "limit", 1, 100);
  const order = q.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc")
    throw new HttpError(
      400,
      `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`,
      "order",
      "invalid_value",
    );
  let all = order === "asc" ? [...c.items] : [...c.items].reverse();
  const after = q.get("after");
  if (after) {
    const i = all.findIndex((x) => x.id === after);
    all = i === -1 ? [] : all.slice(i + 1);
  }
  const include = includeParam(q);
  const data = all.slice(0, limit).map((x) => project(x, include));
  const out = {
    object: "list" as const,
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: all.length > limit,
  };
  sendJson(ctx, 200, out);
}

function findItem(c: StoredConversation, id: string): number {
  const i = c.items.findIndex((x) => x.id === id);
  if (i === -1) throw new HttpError(404, `Item with id '${id}' not found.`, null, null);
  return i;
}

export function retrieveItem(ctx: Ctx): void {
  const c = findConversation(ctx.state, ctx.params[0] ?? "");
  const item = c.items[findItem(c, ctx.params[1] ?? "")];
  sendJson(ctx, 200, project(item, includeParam(ctx.query)));
}

/** Deleting an item answers the conversation, as the API does. */
export function deleteItem(ctx: Ctx): void {
  const c = findConversation(ctx.state, ctx.params[0] ?? "");
  c.items.splice(findItem(c, ctx.params[1] ?? ""), 1);
  sendJson(ctx, 200, conversationObject(c));
}

/** The `conversation` field of a Responses request: an id or `{id}`; never with previous_response_id. */
export function conversationParam(
  state: EmulatorState,
  body: Record<string, unknown>,
): StoredConversation | null {
  const raw = body.conversation;
  if (raw === undefined || raw === null) return null;
  const id = typeof raw === "string" ? raw : rec(raw).id;
  if (typeof id !== "string" || !id)
    throw invalidType("conversation", "a string or an object with an id", raw);
  if (typeof body.previous_response_id === "string")
    throw new HttpError(
      400,
      "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
      null,
      "mutually_exclusive_parameters",
    );
  return findConversation(state, id);
}

export const CONVERSATION_ROUTES = (ID: string) => [
  { method: "POST", pattern: /^\/v1\/conversations$/, handler: createConversation, json: true },
  { method: "GET", pattern: new RegExp(`^/v1/conversations/${ID}$`), handler: retrieveConversation },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/conversations/${ID}$`),
    handler: updateConversation,
    json: true,
  },
  { method: "DELETE", pattern: new RegExp(`^/v1/conversations/${ID}$`), handler: deleteConversation },
  { method: "POST", pattern: new RegExp(`^/v1/conversations/${ID}/items$`), handler: addItems, json: true },
  { method: "GET", pattern: new RegExp(`^/v1/conversations/${ID}/items$`), handler: listItems },
  { method: "GET", pattern: new RegExp(`^/v1/conversations/${ID}/items/${ID}$`), handler: retrieveItem },
  { method: "DELETE", pattern: new RegExp(`^/v1/conversations/${ID}/items/${ID}$`), handler: deleteItem },
];
