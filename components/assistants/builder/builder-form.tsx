"use client";

import type { AssistantConfig } from "@/lib/assistants/schema";
import type { ConfigIssue } from "@/lib/assistants/validate";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { BasicsSection } from "./basics-section";
import { IssuesList } from "./issues-list";
import { OutputSection } from "./output-section";
import { ToolsSection } from "./tools-section";
import { VariablesSection } from "./variables-section";

export interface BuilderFormProps {
  config: AssistantConfig;
  onChange(patch: Partial<AssistantConfig>): void;
  model: ResolvedModel;
  issues: ConfigIssue[];
  draftKey: string;
  mcpHeadersSet: Record<string, string[]>;
}

/** Every field of a version, in sections; the issues beside them on wide screens, above them on phones. */
export function BuilderForm({ issues, draftKey, mcpHeadersSet, ...section }: BuilderFormProps) {
  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="lg:order-2">
        <div className="lg:sticky lg:top-3">
          <IssuesList issues={issues} />
        </div>
      </div>
      <div className="min-w-0 space-y-3 lg:order-1">
        <BasicsSection {...section} />
        <VariablesSection {...section} />
        <ToolsSection {...section} draftKey={draftKey} mcpHeadersSet={mcpHeadersSet} />
        <OutputSection {...section} />
      </div>
    </div>
  );
}
