"use client";

import { useMemo } from "react";
import { useModels } from "@/components/queries/use-models";
import { mcpHeaderInput, sameConfig } from "@/lib/assistants/builder";
import type { AssistantConfig } from "@/lib/assistants/schema";
import { validateConfig } from "@/lib/assistants/validate";
import { useAssistantDrafts } from "./store";

/**
 * The config being edited under `key`: the stored draft if there is one, else `base` (the saved
 * version). Edits make a draft remembering the version they started from.
 */
export function useBuilderDraft(
  key: string,
  base: { config: AssistantConfig; version: number | null },
  /** AssistantDetail.mcpHeadersSet: stored values a save must delete when their header goes. */
  stored: Record<string, string[]> = {},
) {
  const draft = useAssistantDrafts((s) => s.drafts[key]);
  const headers = useAssistantDrafts((s) => s.headers[key]);
  const put = useAssistantDrafts((s) => s.put);
  const discard = useAssistantDrafts((s) => s.discard);
  const config = draft?.config ?? base.config;
  const { resolve } = useModels();
  const model = resolve(config.model);
  const issues = useMemo(() => validateConfig(config, model), [config, model]);
  const typedHeaders = Object.values(headers ?? {}).some((h) => Object.keys(h).length > 0);
  const dirty = Boolean(draft && !sameConfig(draft.config, base.config)) || typedHeaders;
  return {
    config,
    model,
    issues,
    errors: issues.filter((i) => i.level === "error").length,
    dirty,
    draft,
    baseVersion: draft ? draft.baseVersion : base.version,
    update: (patch: Partial<AssistantConfig>) =>
      put(key, {
        ...draft,
        config: { ...config, ...patch },
        baseVersion: draft ? draft.baseVersion : base.version,
      }),
    discard: () => discard(key),
    mcpHeaders: () => mcpHeaderInput(config, headers ?? {}, stored),
  };
}
