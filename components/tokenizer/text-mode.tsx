"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatMegabytes } from "@/lib/format";
import type { ResolvedModel } from "@/lib/models/catalogue";
import type { Encoding } from "@/lib/openai-facts";
import { formatIdList } from "@/lib/tokenizer/ids";
import { DecodePanel } from "./decode-panel";
import { useTokenizer } from "./store";
import { TextInput } from "./text-input";
import { TokenStats } from "./token-stats";
import { TokenView } from "./token-view";
import { useTokenization } from "./use-tokenization";

export interface TextModeProps {
  encoding: Encoding;
  model: ResolvedModel | null;
}

/** Text in; tokens out as coloured segments or ids, with counts and cost; ids back to text. */
export function TextMode({ encoding, model }: TextModeProps) {
  const text = useTokenizer((s) => s.text);
  const allowSpecial = useTokenizer((s) => s.allowSpecial);
  const view = useTokenizer((s) => s.view);
  const limitMb = useTokenizer((s) => s.limitMb);
  const set = useTokenizer((s) => s.set);
  const { result, pending, error, tooLarge } = useTokenization(
    text,
    encoding,
    allowSpecial,
    limitMb * 1_000_000,
  );
  const shown = tooLarge === null ? result : null;
  const flagged = shown && !shown.allowSpecial ? shown.plainSpecials.length / 2 : 0;
  return (
    <div className="space-y-4">
      <TextInput />
      {tooLarge !== null && (
        <Alert tone="danger" testId="too-large" title="Text too large">
          This text is {formatMegabytes(tooLarge)}, over your limit of {limitMb} MB, so it was not tokenized.
          Raise the limit above, or tokenize a part of it.
        </Alert>
      )}
      {error && (
        <Alert tone="danger" testId="tokenize-error" title="Could not tokenize">
          {error}
        </Alert>
      )}
      {flagged > 0 && (
        <Alert tone="warning" testId="special-flag">
          {flagged === 1 ? "1 special-token string" : `${flagged} special-token strings`} (underlined) encoded
          as plain text, as the API treats text from users. Turn on “Allow special tokens” to encode them as
          special tokens.
        </Alert>
      )}
      <TokenStats
        tokens={shown ? shown.ids.length : null}
        chars={shown ? shown.chars : null}
        words={shown ? shown.words : null}
        model={model}
        pending={pending}
        ms={shown?.ms}
      />
      {shown && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <fieldset
              className="flex rounded-md border border-border bg-surface p-0.5"
              aria-label="Show tokens as"
            >
              {(["text", "ids"] as const).map((v) => (
                <label
                  key={v}
                  className={`cursor-pointer rounded px-2.5 py-1 text-sm ${view === v ? "bg-accent-soft font-medium text-accent" : "text-muted hover:text-fg"}`}
                >
                  <input
                    type="radio"
                    name="token-view"
                    className="sr-only"
                    checked={view === v}
                    onChange={() => set({ view: v })}
                    data-testid={`view-${v}`}
                  />
                  {v === "text" ? "Text" : "Token ids"}
                </label>
              ))}
            </fieldset>
            <CopyIds ids={shown.ids} />
            <span className="ml-auto text-muted text-xs">
              Hover a token, or focus the view and use the arrow keys, for its id and bytes.
            </span>
          </div>
          <TokenView result={shown} view={view} />
        </div>
      )}
      <DecodePanel encoding={encoding} />
    </div>
  );
}

/** Copies the ids as a JSON array; built on click, since it can be megabytes. */
function CopyIds({ ids }: { ids: Uint32Array }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      className="h-7 text-xs"
      data-testid="copy-ids"
      disabled={ids.length === 0}
      onClick={() => {
        void navigator.clipboard?.writeText(formatIdList(ids)).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? "Copied" : "Copy ids"}
    </Button>
  );
}
