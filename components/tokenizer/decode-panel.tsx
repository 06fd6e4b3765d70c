"use client";

import { useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import type { Encoding } from "@/lib/openai-facts";
import { parseIdList } from "@/lib/tokenizer/ids";
import { getTokenizer, isSuperseded } from "@/lib/tokens/client";
import { useTokenizer } from "./store";

type Decoded = { for: string; encoding: Encoding; text: string | null; count: number; error: string | null };

/** Token ids in, text out: a JSON array or a list separated by commas, spaces or lines. */
export function DecodePanel({ encoding }: { encoding: Encoding }) {
  const id = useId();
  const input = useTokenizer((s) => s.idsInput);
  const set = useTokenizer((s) => s.set);
  const replaceText = useTokenizer((s) => s.replaceText);
  const [out, setOut] = useState<Decoded | null>(null);

  useEffect(() => {
    if (input.trim() === "") return;
    let live = true;
    const timer = setTimeout(() => {
      const parsed = parseIdList(input);
      if (!parsed.ok) {
        setOut({ for: input, encoding, text: null, count: 0, error: parsed.error });
        return;
      }
      getTokenizer()
        .decode(parsed.ids, encoding, { key: id })
        .then(
          (text) => live && setOut({ for: input, encoding, text, count: parsed.ids.length, error: null }),
          (e: unknown) => {
            if (!live || isSuperseded(e)) return;
            const message = e instanceof Error ? e.message : String(e);
            setOut({ for: input, encoding, text: null, count: 0, error: `${message}.` });
          },
        );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, encoding, id]);

  const current = out && out.for === input && out.encoding === encoding && input.trim() !== "" ? out : null;
  return (
    <section className="space-y-2" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="font-medium text-sm">
        Decode token ids
      </h2>
      <textarea
        aria-label="Token ids to decode"
        className="input h-20 resize-y py-1.5 font-mono text-xs"
        placeholder="[15339, 1917] — a JSON array, or ids separated by commas, spaces or new lines"
        value={input}
        spellCheck={false}
        data-testid="ids-input"
        onChange={(e) => set({ idsInput: e.target.value })}
      />
      {current?.error && (
        <Alert tone="danger" testId="decode-error">
          {current.error}
        </Alert>
      )}
      {current?.text != null && (
        <div className="space-y-1">
          <p className="text-muted text-xs">
            {formatCount(current.count)} {current.count === 1 ? "id" : "ids"} in {encoding} →{" "}
            {formatCount(current.text.length)} characters
            {current.text.includes("\ufffd") &&
              " · � marks bytes that do not make a whole character (the ids cut a character)"}
          </p>
          <textarea
            readOnly
            aria-label="Decoded text"
            className="input h-24 resize-y py-1.5 font-mono text-xs"
            value={current.text}
            data-testid="decoded-text"
          />
          <Button className="h-7 text-xs" onClick={() => replaceText(current.text ?? "")}>
            Tokenize this text
          </Button>
        </div>
      )}
    </section>
  );
}
