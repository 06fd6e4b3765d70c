import type { AssistantTool } from "@/lib/assistants/schema";

/** What every tool editor gets: its tool, where it sits (issue paths), and its change handler. */
export interface ToolEditorProps<T extends AssistantTool["type"]> {
  tool: Extract<AssistantTool, { type: T }>;
  /** `tools.<index>`: the prefix of this tool's field ids. */
  path: string;
  onChange(tool: Extract<AssistantTool, { type: T }>): void;
}
