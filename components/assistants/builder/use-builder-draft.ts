"use client";

import { useMemo } from "react";
import { useModels } from "@/components/queries/use-models";
import { sameConfig } from "@/lib/assistants/builder";
import type { AssistantConfig, SaveVersionInput } from "@/lib/assistants/schema";
import { validateConfig } from "@/lib/assistants/validate";
import { type HeaderValues, useAssistantDrafts } from "./store";

/**
 * The config being edited under `key`: the stored draft if there is one, else `base` (the saved
 * version). Edits make a draft remembering the version they started from.
 */
export function useBuilderDraft(key: string, base: { config: AssistantConfig; version: number | null }) {
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
    mcpHeaders: () => headerInput(config, headers),
  };
}

/** The typed header values still named by the config's MCP tools ("" deletes a stored one). */
function headerInput(
  config: AssistantConfig,
  headers: HeaderValues | undefined,
): SaveVersionInput["mcpHeaders"] {
  const out: NonNullable<SaveVersionInput["mcpHeaders"]> = {};
  for (const t of config.tools) {
    if (t.type !== "mcp") continue;
    const typed = headers?.[t.serverLabel] ?? {};
    const kept = Object.entries(typed).filter(([name]) => t.headerNames.includes(name));
    if (kept.length) out[t.serverLabel] = Object.fromEntries(kept);
  }
  return Object.keys(out).length ? out : undefined;
}
