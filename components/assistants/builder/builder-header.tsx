"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { AssistantSummary } from "@/lib/assistants/schema";

/** The assistant's name, id (copyable), the version shown, production and visibility, and its actions. */
export function BuilderHeader({
  name,
  assistant,
  version,
  actions,
}: {
  name: string;
  /** null on /assistants/new. */
  assistant: AssistantSummary | null;
  version: number | null;
  actions: ReactNode;
}) {
  const production = assistant?.productionVersion ?? null;
  return (
    <header className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 space-y-1">
        <h1 className="truncate font-semibold text-lg" data-testid="assistant-title">
          {name || (assistant ? "Untitled assistant" : "New assistant")}
        </h1>
        {assistant && (
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <code className="font-mono text-muted" data-testid="assistant-id">
              {assistant.id}
            </code>
            <CopyButton value={assistant.id} size="xs" variant="ghost" aria-label="Copy assistant id" />
            {version !== null && (
              <Badge tone="neutral">
                <span data-testid="assistant-version">v{version}</span>
                {version !== assistant.latestVersion && ` of ${assistant.latestVersion}`}
              </Badge>
            )}
            {production !== null && (
              <Badge tone={production === version ? "success" : "neutral"}>
                {production === version ? "production" : `production: v${production}`}
              </Badge>
            )}
            <Badge tone={assistant.visibility === "private" ? "warning" : "accent"}>
              {assistant.visibility}
            </Badge>
            <Link
              href={`/assistants/${encodeURIComponent(assistant.id)}/chat`}
              className="text-accent hover:underline"
            >
              Test in chat
            </Link>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">{actions}</div>
    </header>
  );
}
