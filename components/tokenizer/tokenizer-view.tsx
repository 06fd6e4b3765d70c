"use client";

// components/tokenizer: the tokenizer page and its share view; its pure logic is lib/tokenizer, the engine lib/tokens, live-count hooks components/tokens.

import { useEffect, useMemo, useState } from "react";
import { useModels } from "@/components/queries/use-models";
import { ShareLinkDialog } from "@/components/shares/share-link-dialog";
import { AfterDraft } from "@/components/shell/after-draft";
import { DraftNotice } from "@/components/shell/draft-notice";
import { Button } from "@/components/ui/button";
import type { Encoding } from "@/lib/openai-facts";
import { chooseEncoding } from "@/lib/tokenizer/encoding-choice";
import type { TokenizerMode, TokenizerSnapshot } from "@/lib/tokenizer/snapshot";
import { getTokenizer } from "@/lib/tokens/client";
import { ChatMode } from "./chat-mode";
import { EncodingPicker } from "./encoding-picker";
import { TOKENIZER_DRAFT_KEY, useTokenizer } from "./store";
import { TextMode } from "./text-mode";

export interface TokenizerViewProps {
  canSharePublicly: boolean;
}

export function TokenizerView(props: TokenizerViewProps) {
  return (
    <AfterDraft label="Loading the tokenizer" heading="Tokenizer">
      <Tokenizer {...props} />
    </AfterDraft>
  );
}

const MODES: { id: TokenizerMode; label: string }[] = [
  { id: "text", label: "Text" },
  { id: "chat", label: "Chat" },
];

/** The snapshot a share link freezes: the mode's input only. */
function currentSnapshot(encoding: Encoding): TokenizerSnapshot {
  const s = useTokenizer.getState();
  const base = {
    version: 1 as const,
    mode: s.mode,
    encoding,
    model: s.model,
    encodingOverride: s.encodingOverride,
    allowSpecial: s.allowSpecial,
  };
  return s.mode === "text"
    ? { ...base, text: s.text }
    : { ...base, messages: s.messages.map(({ role, content }) => ({ role, content })), tools: s.tools };
}

function Tokenizer({ canSharePublicly }: TokenizerViewProps) {
  const mode = useTokenizer((s) => s.mode);
  const modelId = useTokenizer((s) => s.model);
  const override = useTokenizer((s) => s.encodingOverride);
  const set = useTokenizer((s) => s.set);
  const { resolve } = useModels();
  const model = useMemo(() => (modelId ? resolve(modelId) : null), [modelId, resolve]);
  const choice = chooseEncoding(model, override);
  const [sharing, setSharing] = useState(false);
  // Start the worker and load the encoding while the person reads the page.
  useEffect(() => {
    void getTokenizer()
      .preload(choice.encoding)
      .catch(() => {});
  }, [choice.encoding]);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <DraftNotice storageKey={TOKENIZER_DRAFT_KEY} label="tokenizer" />
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="font-semibold text-xl">Tokenizer</h1>
        <fieldset className="flex rounded-md border border-border bg-surface p-0.5" aria-label="Mode">
          <legend className="sr-only">Mode</legend>
          {MODES.map((m) => (
            <label
              key={m.id}
              className={`cursor-pointer rounded px-2.5 py-1 text-sm ${mode === m.id ? "bg-accent-soft font-medium text-accent" : "text-muted hover:text-fg"}`}
            >
              <input
                type="radio"
                name="tokenizer-mode"
                className="sr-only"
                checked={mode === m.id}
                onChange={() => set({ mode: m.id })}
                data-testid={`mode-${m.id}`}
              />
              {m.label}
            </label>
          ))}
        </fieldset>
        <Button
          variant="ghost"
          className="ml-auto"
          onClick={() => setSharing(true)}
          data-testid="share-button"
        >
          Share
        </Button>
      </header>
      <EncodingPicker model={model} choice={choice} />
      {mode === "text" ? (
        <TextMode encoding={choice.encoding} model={model} />
      ) : (
        <ChatMode encoding={choice.encoding} model={model} />
      )}
      {sharing && (
        <ShareLinkDialog
          kind="tokenizer"
          snapshot={() => currentSnapshot(choice.encoding)}
          description="A read-only copy of this text (or these messages) with its encoding and model. Later edits do not change it; teammates can open it in their own tokenizer."
          titlePlaceholder="What this shows"
          canSharePublicly={canSharePublicly}
          onClose={() => setSharing(false)}
        />
      )}
    </div>
  );
}
