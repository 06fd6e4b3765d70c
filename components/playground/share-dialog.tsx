"use client";

import { ShareLinkDialog } from "@/components/shares/share-link-dialog";
import type { PlaygroundSnapshot } from "@/lib/playground/snapshot";
import { inlineRemoteImages } from "./inline-images";
import { MAIN, usePlayground } from "./store";

export function currentSnapshot(): PlaygroundSnapshot {
  const s = usePlayground.getState();
  const outputs: PlaygroundSnapshot["outputs"] = {};
  const targets = new Set([MAIN, ...(s.compare ? s.columns.map((c) => c.id) : [])]);
  for (const [target, run] of Object.entries(s.runs)) {
    if (run.status === "running" || !targets.has(target)) continue;
    outputs[target] = {
      model: run.model,
      choices: run.outcome.choices,
      usage: run.outcome.usage,
      error: run.error?.message ?? null,
    };
  }
  return { version: 1, setup: s.setup, compare: s.compare, columns: s.compare ? s.columns : [], outputs };
}

/** Freezes the current setup and outputs under an unguessable link; lists and revokes earlier links. */
export function ShareDialog({ canSharePublicly, onClose }: { canSharePublicly: boolean; onClose(): void }) {
  return (
    <ShareLinkDialog
      kind="playground"
      snapshot={() => inlineRemoteImages(currentSnapshot())}
      description="A read-only copy of this setup and its outputs. Later edits do not change it; teammates can open it in their own playground. Images are stored in the link; one this browser cannot read is kept as its address only."
      titlePlaceholder="What this run shows"
      canSharePublicly={canSharePublicly}
      onClose={onClose}
    />
  );
}
