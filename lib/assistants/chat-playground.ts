import { newId } from "@/lib/ids";
import { defaultSetup, newMessage } from "@/lib/playground/defaults";
import type { BuiltRequest, Message, Setup } from "@/lib/playground/types";
import type { ChatItem } from "./chat-stream";
import type { AssistantConfig } from "./schema";

/**
 * "Open in playground" and "View code" from the test chat (docs/assistants-chat.md). The playground
 * takes a version as a Responses setup — model, instructions with the variables substituted,
 * function tools, built-in tools, parameters — and the conversation so far as messages; items the
 * playground has no place for (file search results, MCP calls, images) stay behind.
 */

type Rec = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): Rec[] => (Array.isArray(v) ? (v as Rec[]) : []);

function messageText(item: ChatItem): string {
  if (typeof item.content === "string") return item.content;
  return list(item.content)
    .map((p) => str(p.text) || (p.type === "refusal" ? `[refusal] ${str(p.refusal)}` : ""))
    .filter(Boolean)
    .join("\n\n");
}

/** The conversation's items as playground messages: text, function calls and their outputs. */
export function itemsToMessages(items: ChatItem[]): Message[] {
  const out: Message[] = [];
  for (const item of items) {
    if (item.type === "message" && (item.role === "user" || item.role === "assistant")) {
      out.push(newMessage(item.role, messageText(item)));
    } else if (item.type === "function_call") {
      const call = { id: str(item.call_id), name: str(item.name), arguments: str(item.arguments) };
      const last = out.at(-1);
      // Parallel calls belong to one assistant turn, as the playground keeps them.
      if (last?.role === "assistant" && last.toolCalls && !last.content) last.toolCalls.push(call);
      else out.push({ ...newMessage("assistant", ""), toolCalls: [call] });
    } else if (item.type === "function_call_output") {
      const output = typeof item.output === "string" ? item.output : JSON.stringify(item.output);
      out.push({ ...newMessage("tool", output), toolCallId: str(item.call_id) });
    }
  }
  return out;
}

export function assistantToSetup(config: AssistantConfig, instructions: string, items: ChatItem[]): Setup {
  const base = defaultSetup(config.model);
  const fileSearch = config.tools.find((t) => t.type === "file_search");
  const webSearch = config.tools.find((t) => t.type === "web_search");
  const messages = itemsToMessages(items);
  return {
    ...base,
    api: "responses",
    instructions,
    messages: messages.at(-1)?.role === "user" ? messages : [...messages, newMessage("user")],
    params: {
      ...base.params,
      temperature: config.temperature,
      topP: config.topP,
      maxOutputTokens: config.maxOutputTokens,
      reasoningEffort: config.reasoningEffort,
      reasoningSummary: config.reasoningSummary,
      verbosity: config.verbosity,
      store: config.store,
      metadata: config.metadata,
    },
    tools: config.tools.flatMap((t) =>
      t.type === "function"
        ? [
            {
              id: newId(),
              name: t.name,
              description: t.description,
              parameters: t.parameters,
              strict: t.strict,
            },
          ]
        : [],
    ),
    toolChoice: config.toolChoice ?? "auto",
    parallelToolCalls: config.parallelToolCalls ?? true,
    builtinTools: {
      fileSearch: {
        enabled: Boolean(fileSearch),
        vectorStoreIds: fileSearch?.vectorStoreIds ?? [],
        ...(fileSearch?.maxNumResults ? { maxNumResults: fileSearch.maxNumResults } : {}),
      },
      webSearch: { enabled: Boolean(webSearch), contextSize: webSearch?.contextSize ?? "medium" },
      codeInterpreter: { enabled: config.tools.some((t) => t.type === "code_interpreter") },
      imageGeneration: { enabled: config.tools.some((t) => t.type === "image_generation") },
    },
    responseFormat: config.responseFormat,
    stream: true,
  };
}

/** A turn's body as the playground's code generators take it. */
export function asBuiltRequest(body: Record<string, unknown>): BuiltRequest & { problems: [] } {
  return { path: "/responses", body, text: JSON.stringify(body, null, 2), omitted: [], problems: [] };
}
