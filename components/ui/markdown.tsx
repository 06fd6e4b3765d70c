"use client";

import { Children, isValidElement, memo, type ReactElement, type ReactNode, useMemo } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { splitBlocks } from "@/lib/markdown/blocks";
import { CodeBlock } from "./code-block";
import { highlightLangFor } from "./highlight";

/**
 * Markdown from a model, rendered safely: GitHub-flavoured (tables, task lists, strikethrough),
 * raw HTML shown as text, the HTML tree sanitised with GitHub's schema, links only to http(s) and
 * mailto, images never fetched (a link instead: the page's CSP forbids other hosts anyway), fenced
 * code highlighted by shiki once it has loaded. Heavy: pages import `LazyMarkdown` from
 * `./markdown-lazy`, which loads this on first use. See docs/markdown.md.
 */

const SAFE_PROTOCOL = /^(?:https?|mailto):/i;

/** The URL when it is absolute http(s) or mailto; anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_PROTOCOL.test(trimmed) ? trimmed : "";
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        className="text-accent underline underline-offset-2"
        {...(href.startsWith("mailto:") ? {} : { target: "_blank", rel: "noopener noreferrer" })}
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => {
    const label = `Image: ${alt || "untitled"}`;
    return typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer" className="text-accent underline">
        {label}
      </a>
    ) : (
      <span className="text-muted">{label}</span>
    );
  },
  pre: ({ children }) => {
    const code = Children.toArray(children)[0] as ReactElement<{ className?: string; children?: ReactNode }>;
    const info = /language-(\S+)/.exec(code?.props?.className ?? "")?.[1] ?? "";
    const text = textOf(code?.props?.children).replace(/\n$/, "");
    const lang = highlightLangFor(info);
    return (
      <CodeBlock
        code={text}
        lang={lang}
        title={info || "Code"}
        label={`${info || "Code"} block`}
        className="my-3 max-h-[32rem]"
      />
    );
  },
  code: ({ children }) => (
    <code className="rounded bg-surface-2 px-1 py-0.5 font-mono text-[0.9em]">{children}</code>
  ),
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th className="border border-border bg-surface-2 px-2 py-1 font-medium" style={style}>
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td className="border border-border px-2 py-1 align-top" style={style}>
      {children}
    </td>
  ),
};

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * Raw HTML in a reply shows as the text it is: a model writing `<div>` outside backticks means the
 * characters, and the sanitiser would otherwise drop the tags and keep what was between them.
 */
function remarkHtmlAsText() {
  const walk = (node: MdNode) => {
    for (const child of node.children ?? []) {
      if (child.type === "html") child.type = "text";
      else walk(child);
    }
  };
  return walk;
}

const remarkPlugins = [remarkGfm, remarkHtmlAsText];
const rehypePlugins = [rehypeSanitize];

/** One top-level block; memoised on its text, so finished blocks of a streaming reply stay put. */
const Block = memo(function Block({ text }: { text: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={components}
      urlTransform={safeUrl}
    >
      {text}
    </ReactMarkdown>
  );
});

export interface MarkdownProps {
  text: string;
  /** The text is still growing: a long unfinished last block shows as plain text until it ends. */
  streaming?: boolean;
  className?: string;
}

/**
 * While streaming, a last block longer than this (a long paragraph or code block still arriving)
 * shows as plain text: parsing it again on every chunk would cost a long task per frame.
 */
export const LIVE_BLOCK_LIMIT = 4000;

const PROSE =
  "min-w-0 break-words text-sm leading-relaxed [&_blockquote]:border-border [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted [&_h1]:font-semibold [&_h1]:text-lg [&_h2]:font-semibold [&_h2]:text-base [&_h3]:font-semibold [&_h4]:font-semibold [&_hr]:my-3 [&_hr]:border-border [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_ul.contains-task-list]:list-none [&_ul.contains-task-list]:pl-1 [&>*+*]:mt-2 [&_:is(h1,h2,h3,h4)]:mt-4 [&_:is(h1,h2,h3,h4):first-child]:mt-0 [&_del]:text-muted";

export function Markdown({ text, streaming = false, className = "" }: MarkdownProps) {
  // Not deferred (useDeferredValue): under load a background render that each chunk restarts
  // never commits, and the reply would stand still until the stream ends.
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className={`${PROSE} ${className}`} data-markdown>
      {/* biome-ignore-start lint/suspicious/noArrayIndexKey: blocks only grow at the end, so the index is their identity. */}
      {blocks.map((b, i) =>
        streaming && i === blocks.length - 1 && b.length > LIVE_BLOCK_LIMIT ? (
          <p key={i} className="whitespace-pre-wrap">
            {b}
          </p>
        ) : (
          <Block key={i} text={b} />
        ),
      )}
      {/* biome-ignore-end lint/suspicious/noArrayIndexKey: see above. */}
    </div>
  );
}
