"use client";

import type { ChatItem as Item } from "@/lib/assistants/chat-stream";
import { CodeInterpreterItem, type ContainerFile } from "./item-code-interpreter";
import { ItemFrame, prettyJson } from "./item-context";
import { FileSearchItem } from "./item-file-search";
import { FunctionCallItem, InputToolItem } from "./item-function-call";
import { ImageItem } from "./item-image";
import { McpApprovalItem, McpCallItem, McpListToolsItem } from "./item-mcp";
import { MessageItem } from "./item-message";
import { ReasoningItem } from "./item-reasoning";
import { WebSearchItem } from "./item-web-search";

/** One item of a turn, by its API type; a type this page does not know shows as its JSON. */
export function ChatItemView({
  item,
  streaming,
  files,
}: {
  item: Item;
  streaming: boolean;
  files: ContainerFile[];
}) {
  switch (item.type) {
    case "message":
      return <MessageItem item={item} streaming={streaming} />;
    case "reasoning":
      return <ReasoningItem item={item} streaming={streaming} />;
    case "function_call":
      return <FunctionCallItem item={item} />;
    case "function_call_output":
    case "mcp_approval_response":
      return <InputToolItem item={item} />;
    case "file_search_call":
      return <FileSearchItem item={item} />;
    case "code_interpreter_call":
      return <CodeInterpreterItem item={item} files={files} />;
    case "web_search_call":
      return <WebSearchItem item={item} />;
    case "image_generation_call":
      return <ImageItem item={item} />;
    case "mcp_list_tools":
      return <McpListToolsItem item={item} />;
    case "mcp_approval_request":
      return <McpApprovalItem item={item} />;
    case "mcp_call":
      return <McpCallItem item={item} />;
    default:
      return (
        <ItemFrame type={item.type} label={item.type}>
          <pre className="max-h-48 overflow-auto font-mono text-xs">{prettyJson(JSON.stringify(item))}</pre>
        </ItemFrame>
      );
  }
}
