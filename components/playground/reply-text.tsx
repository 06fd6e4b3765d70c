"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LazyMarkdown } from "@/components/ui/markdown-lazy";

export interface ReplyTextProps {
  text: string;
  streaming: boolean;
  /** Start with the raw text, e.g. for structured output, whose JSON Markdown would reflow. */
  defaultRaw?: boolean;
}

const cursor = (
  <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-accent align-text-bottom" aria-hidden />
);

/** A reply's text as Markdown, or exactly as it arrived with "Raw" on. */
export function ReplyText({ text, streaming, defaultRaw = false }: ReplyTextProps) {
  const [raw, setRaw] = useState(defaultRaw);
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
            <LazyMarkdown text={text} streaming={streaming} />
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
          title="Show the reply exactly as it arrived, without Markdown formatting"
        >
          Raw
        </Button>
      )}
    </div>
  );
}
