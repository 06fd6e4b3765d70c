"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { ShareHeader } from "@/components/shares/share-header";
import { readAssistantShareSnapshot } from "@/lib/assistants/share-snapshot";
import { resolveModel } from "@/lib/models/catalogue";
import type { ShareDto } from "@/lib/types";
import type { ChatTurn } from "./store";
import { Transcript } from "./transcript";

/** A shared test chat, read-only, rendered with the chat's own item components (nothing to answer or download). */
export function SharedAssistantView({ share, signedIn }: { share: ShareDto; signedIn: boolean }) {
  const router = useRouter();
  const parsed = useMemo(() => readAssistantShareSnapshot(share.snapshot), [share.snapshot]);
  if (!parsed.ok)
    return (
      <p className="text-muted" data-testid="share-unavailable">
        This link holds a conversation this version of Benchtop cannot show ({parsed.message}).
      </p>
    );
  const snap = parsed.value;
  const turns: ChatTurn[] = snap.turns.map((t, i) => ({
    key: String(i),
    input: [],
    stream: null,
    loaded: t.items,
    version: t.version,
    status: "done",
    error: t.error ? { ...t.error, param: null } : null,
    timings: null,
    recorded: {
      at: share.createdAt,
      version: t.version,
      model: t.model,
      status: 200,
      durationMs: t.durationMs ?? 0,
      ttfbMs: t.ttfbMs,
      usage: t.usage
        ? {
            input_tokens: t.usage.input,
            output_tokens: t.usage.output,
            input_tokens_details: { cached_tokens: t.usage.cached },
            output_tokens_details: { reasoning_tokens: t.usage.reasoning },
          }
        : null,
      costUsd: t.costUsd,
    },
  }));
  return (
    <article className="space-y-4" data-testid="shared-assistant">
      <ShareHeader
        share={share}
        signedIn={signedIn}
        onOpen={() => router.push(`/assistants/${encodeURIComponent(snap.assistant.id)}/chat`)}
        openLabel="Open the assistant"
        details={
          <>
            {snap.assistant.name}
            {snap.assistant.version !== null ? ` · v${snap.assistant.version}` : ""}
          </>
        }
      />
      <Transcript turns={turns} resolve={(m) => resolveModel(m)} />
    </article>
  );
}
