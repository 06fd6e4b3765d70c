"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { LazyMarkdown } from "@/components/ui/markdown-lazy";

/** The text pretty-printed when it is a JSON object or array; null for anything else. */
export function prettyJson(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return null;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === "object" && v !== null ? JSON.stringify(v, null, 2) : null;
  } catch {
    return null;
  }
}

export interface RenderedTextProps {
  text: string;
  streaming: boolean;
  /** The request asked for JSON (json_object or json_schema): never reflow it as Markdown. */
  json?: boolean;
}

/**
 * A reply formatted: JSON pretty-printed (parsed once per change of the text), JSON that does not
 * parse (still streaming, cut off) as it is, anything else as Markdown.
 */
export function RenderedText({ text, streaming, json = false }: RenderedTextProps) {
  const pretty = useMemo(() => (streaming ? null : prettyJson(text)), [text, streaming]);
  if (pretty !== null)
    return (
      <div data-testid="reply-json">
        <CodeBlock code={pretty} lang="json" title="JSON" label="JSON reply" className="max-h-[32rem]" />
      </div>
    );
  // JSON still arriving or cut off; a reply from before the format changed is still Markdown.
  if (json && /^\s*[[{]/.test(text))
    return <p className="whitespace-pre-wrap break-all font-mono text-sm">{text}</p>;
  return <LazyMarkdown text={text} streaming={streaming} />;
}

export interface ReplyTextProps {
  text: string;
  streaming: boolean;
  json?: boolean;
}

const cursor = (
  <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-accent align-text-bottom" aria-hidden />
);

/** A reply's text formatted (Markdown, or pretty JSON), or exactly as it arrived with "Raw" on. */
export function ReplyText({ text, streaming, json = false }: ReplyTextProps) {
  const [raw, setRaw] = useState(false);
  return (
    <div className="space-y-1">
      {raw ? (
        <p className="whitespace-pre-wrap text-sm leading-relaxed" data-testid="output-text">
          {text}
          {streaming && cursor}
        </p>
      ) : (
        <>
          <div data-testid="output-text">
            <RenderedText text={text} streaming={streaming} json={json} />
          </div>
          {streaming && cursor}
        </>
      )}
      {text && (
        <Button
          variant="ghost"
          size="sm"
          className="text-muted"
          aria-pressed={raw}
          onClick={() => setRaw((r) => !r)}
          data-testid="reply-raw"
          title="Show the reply exactly as it arrived, without formatting"
        >
          Raw
        </Button>
      )}
    </div>
  );
}
