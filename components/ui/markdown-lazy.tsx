"use client";

import { lazy, Suspense } from "react";
import type { MarkdownProps } from "./markdown";

// The renderer (react-markdown, remark-gfm, rehype-sanitize) is a chunk of its own, loaded when the
// first Markdown shows, so no route's first load carries it.
const Markdown = lazy(() => import("./markdown").then((m) => ({ default: m.Markdown })));

/** Markdown, rendered once the renderer has loaded; until then the text as it is. */
export function LazyMarkdown({ text, streaming, className = "" }: MarkdownProps) {
  return (
    <Suspense fallback={<p className={`whitespace-pre-wrap text-sm leading-relaxed ${className}`}>{text}</p>}>
      <Markdown text={text} streaming={streaming} className={className} />
    </Suspense>
  );
}
