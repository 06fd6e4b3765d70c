import type { ResponseOutputItem } from "openai/resources/responses/responses";
import { jsonTokens } from "./behaviour";
import type { HostedTurn, Sentence } from "./hosted-tools";
import { type Ctx, HttpError } from "./http";
import type { Built } from "./response-items";
import { missing } from "./validate";

/**
 * Remote MCP servers in Responses. Every server the emulator is pointed at offers the same two
 * tools; `[mcp]` calls the first one `allowed_tools` lets through. The tool list is announced once
 * per conversation (an `mcp_list_tools` item already in the context is not repeated). With approval
 * required ("always", the default, or an object form naming the tool) the turn ends with an
 * `mcp_approval_request`; the next request's `mcp_approval_response` runs the call or declines it.
 * A tool's `headers` are the client's secret: they reach the request log, never an answer.
 */

type McpListTools = ResponseOutputItem.McpListTools;
type McpCall = ResponseOutputItem.McpCall;
type McpApprovalRequest = ResponseOutputItem.McpApprovalRequest;

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const SERVER_TOOLS: ResponseOutputItem.McpListTools.Tool[] = [
  {
    name: "search_docs",
    description: "Search the project's documentation.",
    input_schema: {
      type: "object",
      properties: { query: { type: "string", description: "What to look for." } },
      required: ["query"],
      additionalProperties: false,
    },
    annotations: { read_only: true },
  },
  {
    name: "create_ticket",
    description: "Open a ticket in the tracker.",
    input_schema: {
      type: "object",
      properties: { title: { type: "string" }, priority: { type: "string", enum: ["low", "high"] } },
      required: ["title", "priority"],
      additionalProperties: false,
    },
    annotations: { read_only: false },
  },
];

function argumentsFor(name: string, subject: string): string {
  return JSON.stringify(name === "search_docs" ? { query: subject } : { title: subject, priority: "low" });
}

function outputFor(name: string, args: string): string {
  const a = rec(JSON.parse(args));
  return name === "search_docs"
    ? JSON.stringify({
        results: [{ title: `About ${String(a.query)}`, url: "https://docs.example.com/guide" }],
      })
    : JSON.stringify({ ticket: "TCK-1001", title: a.title, status: "open" });
}

function names(v: unknown): string[] | null {
  if (Array.isArray(v)) return v.map(String);
  const r = rec(v);
  return Array.isArray(r.tool_names) ? r.tool_names.map(String) : null;
}

function allowedTools(tool: Record<string, unknown>): ResponseOutputItem.McpListTools.Tool[] {
  const allowed =
    tool.allowed_tools === undefined || tool.allowed_tools === null ? null : names(tool.allowed_tools);
  return allowed ? SERVER_TOOLS.filter((t) => allowed.includes(t.name)) : SERVER_TOOLS;
}

/** "always" (the API's default), "never", or `{always?: {tool_names}, never?: {tool_names}}`. */
export function needsApproval(policy: unknown, name: string): boolean {
  if (policy === "never") return false;
  if (policy === undefined || policy === null || policy === "always") return true;
  const p = rec(policy);
  if (names(p.never)?.includes(name)) return false;
  if (names(p.always)?.includes(name)) return true;
  return !p.never;
}

function checkServer(tool: Record<string, unknown>, param: string): string {
  if (typeof tool.server_label !== "string" || !tool.server_label) throw missing(`${param}.server_label`);
  if (typeof tool.server_url !== "string" && typeof tool.connector_id !== "string")
    throw new HttpError(
      400,
      `Missing required parameter: one of '${param}.server_url' or '${param}.connector_id' must be provided.`,
      `${param}.server_url`,
      "missing_required_parameter",
    );
  return tool.server_label;
}

function callItem(
  ctx: Ctx,
  label: string,
  name: string,
  args: string,
  approval: string | null,
  output_index: number,
): { built: Built[]; sentence: Sentence } {
  const output = outputFor(name, args);
  const item: McpCall = {
    id: ctx.state.id("mcp", "_"),
    type: "mcp_call",
    server_label: label,
    name,
    arguments: args,
    output,
    error: null,
    status: "completed",
    approval_request_id: approval,
  };
  const where = { item_id: item.id, output_index };
  const events = [
    {
      type: "response.output_item.added",
      output_index,
      item: { ...item, arguments: "", output: null, status: "in_progress" },
    },
    { type: "response.mcp_call.in_progress", ...where },
    ...jsonTokens(args).map((delta) => ({ type: "response.mcp_call_arguments.delta", ...where, delta })),
    { type: "response.mcp_call_arguments.done", ...where, arguments: args },
    { type: "response.mcp_call.completed", ...where },
    { type: "response.output_item.done", output_index, item },
  ];
  return {
    built: [{ item, events }],
    sentence: { text: `${name} on ${label} returned ${output}.`, annotations: [] },
  };
}

function call(
  ctx: Ctx,
  tool: Record<string, unknown>,
  param: string,
  subject: string,
  history: unknown[],
  at: () => number,
): { built: Built[]; sentence?: Sentence; stop?: boolean } {
  const label = checkServer(tool, param);
  const offered = allowedTools(tool);
  const built: Built[] = [];
  const listed = history.some((x) => rec(x).type === "mcp_list_tools" && rec(x).server_label === label);
  if (!listed) {
    const item: McpListTools = {
      id: ctx.state.id("mcpl", "_"),
      type: "mcp_list_tools",
      server_label: label,
      tools: offered,
    };
    const output_index = at() + built.length;
    const where = { item_id: item.id, output_index };
    built.push({
      item,
      events: [
        { type: "response.output_item.added", output_index, item: { ...item, tools: [] } },
        { type: "response.mcp_list_tools.in_progress", ...where },
        { type: "response.mcp_list_tools.completed", ...where },
        { type: "response.output_item.done", output_index, item },
      ],
    });
  }
  const target = offered[0];
  if (!target) return { built, sentence: { text: `${label} offers no tools I may call.`, annotations: [] } };
  const args = argumentsFor(target.name, subject);
  if (!needsApproval(tool.require_approval, target.name)) {
    const r = callItem(ctx, label, target.name, args, null, at() + built.length);
    return { built: [...built, ...r.built], sentence: r.sentence };
  }
  const item: McpApprovalRequest = {
    id: ctx.state.id("mcpr", "_"),
    type: "mcp_approval_request",
    server_label: label,
    name: target.name,
    arguments: args,
  };
  const output_index = at() + built.length;
  built.push({
    item,
    events: [
      { type: "response.output_item.added", output_index, item },
      { type: "response.output_item.done", output_index, item },
    ],
  });
  return { built, stop: true };
}

/** The `mcp_approval_response` items of this turn's input: each runs or declines its request. */
function answers(
  ctx: Ctx,
  turn: HostedTurn,
  tools: Record<string, unknown>[],
  at: () => number,
): { built: Built[]; sentence?: Sentence } {
  const input = Array.isArray(turn.input) ? turn.input.map(rec) : [];
  const built: Built[] = [];
  const texts: string[] = [];
  input.forEach((x, i) => {
    if (x.type !== "mcp_approval_response") return;
    const id = x.approval_request_id;
    const request = turn.history.map(rec).find((h) => h.type === "mcp_approval_request" && h.id === id) as
      | McpApprovalRequest
      | undefined;
    if (!request)
      throw new HttpError(
        400,
        `No approval request found with id '${String(id)}'.`,
        `input[${i}].approval_request_id`,
        "invalid_value",
      );
    if (!tools.some((t) => t.type === "mcp" && t.server_label === request.server_label))
      throw new HttpError(
        400,
        `The MCP server '${request.server_label}' of approval request '${request.id}' is not in 'tools'.`,
        "tools",
        "invalid_value",
      );
    if (x.approve !== true) {
      texts.push(`You declined the call to ${request.name} on ${request.server_label}, so I did not run it.`);
      return;
    }
    const r = callItem(
      ctx,
      request.server_label,
      request.name,
      request.arguments,
      request.id,
      at() + built.length,
    );
    built.push(...r.built);
    texts.push(r.sentence.text);
  });
  return { built, sentence: texts.length ? { text: texts.join(" "), annotations: [] } : undefined };
}

export const mcpTurn = { call, answers };

/** The `tools` of a response as the API echoes them: an MCP server's headers stay out. */
export function echoTools(tools: unknown): unknown[] {
  if (!Array.isArray(tools)) return [];
  return tools.map((t) => {
    const r = rec(t);
    if (r.type !== "mcp" || !("headers" in r)) return t;
    const { headers: _secret, ...rest } = r;
    return rest;
  });
}
