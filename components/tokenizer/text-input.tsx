"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatCount, formatMegabytes } from "@/lib/format";
import { MAX_KEPT_CHARS, useTokenizer } from "./store";
import { TextEditor } from "./text-editor";

/**
 * The text box and its options. The box is uncontrolled (remounted when the text is replaced from
 * outside, e.g. by a share link or "Open a file"), so a megabyte is never re-set on each key.
 */
export function TextInput() {
  const text = useTokenizer((s) => s.text);
  const revision = useTokenizer((s) => s.revision);
  const allowSpecial = useTokenizer((s) => s.allowSpecial);
  const limitMb = useTokenizer((s) => s.limitMb);
  const textNotKept = useTokenizer((s) => s.textNotKept);
  const set = useTokenizer((s) => s.set);
  const replaceText = useTokenizer((s) => s.replaceText);
  const file = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const onFile = async (f: File | undefined) => {
    setFileError(null);
    if (!f) return;
    if (f.size > limitMb * 1_000_000) {
      setFileError(
        `${f.name} is ${formatMegabytes(f.size)}, over your limit of ${limitMb} MB. Raise the limit to open it.`,
      );
      return;
    }
    replaceText(await f.text());
  };

  return (
    <div className="space-y-2">
      <TextEditor
        key={revision}
        initial={text}
        onChange={(value) => set({ text: value })}
        label="Text to tokenize"
        placeholderText="Paste or type text, JSON or code…"
      />
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <label
          className="flex items-center gap-1.5"
          title="Encode text such as <|endoftext|> as the special token"
        >
          <input
            type="checkbox"
            checked={allowSpecial}
            onChange={(e) => set({ allowSpecial: e.target.checked })}
            data-testid="allow-special"
          />
          Allow special tokens
        </label>
        <label className="flex items-center gap-1.5 text-muted">
          Size limit
          <input
            type="number"
            min={0.1}
            max={100}
            step={0.1}
            className="input h-7 w-20"
            value={limitMb}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v > 0) set({ limitMb: v });
            }}
            data-testid="size-limit"
          />
          MB
        </label>
        <Button className="h-7 text-xs" onClick={() => file.current?.click()}>
          Open a file…
        </Button>
        <input
          ref={file}
          type="file"
          className="hidden"
          accept="text/*,.json,.jsonl,.md,.csv,.ts,.tsx,.js,.py,.go,.rs,.java,.c,.cpp,.h,.yaml,.yml,.xml,.html,.sql"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = "";
          }}
          data-testid="open-file"
        />
        {text.length > MAX_KEPT_CHARS && (
          <span className="text-muted text-xs">
            Texts over {formatCount(MAX_KEPT_CHARS)} characters are not kept after a reload.
          </span>
        )}
        {textNotKept && text === "" && (
          <span className="text-muted text-xs">The last text was too large to keep after a reload.</span>
        )}
      </div>
      {fileError && (
        <p role="alert" className="text-danger text-xs">
          {fileError}
        </p>
      )}
    </div>
  );
}
