"use client";

import { useState } from "react";
import { CodeDialog } from "@/components/editors/code-dialog";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { API_SHORT_LABELS, WIRE_APIS } from "@/lib/openai-facts";
import type { BuildResult } from "@/lib/playground/request";
import type { WireApi } from "@/lib/playground/types";
import { PresetsDialog } from "./presets-dialog";
import { ShareDialog } from "./share-dialog";
import { usePlayground } from "./store";
import { SHORTCUTS } from "./use-shortcuts";

const HINTS: Record<WireApi, string> = {
  responses: "OpenAI's current API: instructions, items, built-in tools",
  chat: "Chat Completions: what most OpenAI-compatible servers speak",
  completions: "Legacy text completions, for models that need them",
};
const APIS = WIRE_APIS.map((id) => ({ id, label: API_SHORT_LABELS[id], hint: HINTS[id] }));

export interface ToolbarProps {
  request: BuildResult;
  upstreamBaseUrl: string;
  canSharePublicly: boolean;
  help: boolean;
  setHelp(v: boolean): void;
}

export function Toolbar({ request, upstreamBaseUrl, canSharePublicly, help, setHelp }: ToolbarProps) {
  const api = usePlayground((s) => s.setup.api);
  const compare = usePlayground((s) => s.compare);
  const { setApi, setCompare, reset } = usePlayground.getState();
  const [open, setOpen] = useState<"code" | "presets" | "share" | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className="flex rounded-md border border-border bg-surface p-0.5" aria-label="Wire API">
        <legend className="sr-only">Wire API</legend>
        {APIS.map((a) => (
          <label
            key={a.id}
            title={a.hint}
            className={`cursor-pointer rounded px-2.5 py-1 text-sm ${api === a.id ? "bg-accent-soft font-medium text-accent" : "text-muted hover:text-fg"}`}
          >
            <input
              type="radio"
              name="wire-api"
              value={a.id}
              checked={api === a.id}
              onChange={() => setApi(a.id)}
              className="sr-only"
            />
            {a.label}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={compare}
          onChange={(e) => setCompare(e.target.checked)}
          data-testid="compare-toggle"
        />
        Compare
      </label>
      <div className="ml-auto flex flex-wrap items-center gap-1">
        <Button variant="ghost" onClick={() => setOpen("presets")} data-testid="presets-button">
          Presets
        </Button>
        <Button variant="ghost" onClick={() => setOpen("code")} data-testid="view-code">
          View code
        </Button>
        <Button variant="ghost" onClick={() => setOpen("share")} data-testid="share-button">
          Share
        </Button>
        <Button
          variant="ghost"
          onClick={async () => {
            const ok = await confirm({
              title: "Start a new conversation?",
              description: "The current draft is cleared (save it as a preset first to keep it).",
              confirmLabel: "Start new",
            });
            if (ok) reset();
          }}
        >
          New
        </Button>
        <Tooltip content="Keyboard shortcuts">
          <Button
            variant="ghost"
            className="w-8 px-0"
            aria-label="Keyboard shortcuts"
            onClick={() => setHelp(true)}
          >
            ?
          </Button>
        </Tooltip>
      </div>
      {confirmDialog}
      {open === "code" && (
        <CodeDialog request={request} upstreamBaseUrl={upstreamBaseUrl} onClose={() => setOpen(null)} />
      )}
      {open === "presets" && <PresetsDialog onClose={() => setOpen(null)} />}
      {open === "share" && <ShareDialog canSharePublicly={canSharePublicly} onClose={() => setOpen(null)} />}
      {help && (
        <Dialog title="Keyboard shortcuts" onClose={() => setHelp(false)}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="shortcuts">
            {SHORTCUTS.map(([k, v]) => (
              <div key={k} className="contents">
                <dt>
                  <kbd className="rounded border border-border bg-surface-2 px-1.5 py-0.5 font-mono text-xs">
                    {k}
                  </kbd>
                </dt>
                <dd className="text-muted">{v}</dd>
              </div>
            ))}
          </dl>
        </Dialog>
      )}
    </div>
  );
}
