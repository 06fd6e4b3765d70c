"use client";

import { type CSSProperties, Fragment, useEffect, useMemo, useState } from "react";
import { CopyButton } from "./copy-button";
import { type HighlightLang, highlightNow, loadHighlighter } from "./highlight";

export interface CodeBlockProps {
  code: string;
  /** null: a language without a grammar here, shown as plain text. */
  lang: HighlightLang | null;
  /** The language's name in the header; defaults to the grammar's, or "Code". */
  title?: string;
  /** Accessible name of the scrollable code; defaults to "<Language> code". */
  label?: string;
  className?: string;
}

const LANG_NAMES: Partial<Record<HighlightLang, string>> = {
  bash: "Shell",
  python: "Python",
  javascript: "JavaScript",
  json: "JSON",
  typescript: "TypeScript",
};

/**
 * Code with a copy button. It shows as plain text at once and is coloured once shiki has loaded
 * (lazily, on first use). Tokens carry both themes' colours; the `dark:` variant (data-theme on
 * <html>, which follows the OS when the choice is "system") picks the dark ones, so a theme switch
 * needs no re-highlighting.
 */
export function CodeBlock({ code, lang, title, label, className = "" }: CodeBlockProps) {
  // The language whose grammar is loaded; null during SSR and hydration, so both render plain text.
  const [ready, setReady] = useState<HighlightLang | null>(null);

  useEffect(() => {
    if (!lang) return;
    let live = true;
    loadHighlighter(lang).then(
      () => live && setReady(lang),
      () => {}, // stays plain text: the chunk could not load (offline, a new deploy)
    );
    return () => {
      live = false;
    };
  }, [lang]);

  // Synchronous once loaded, so editing the code never flashes back to plain text.
  const lines = useMemo(
    () => (lang && ready === lang ? highlightNow(code, lang) : null),
    [code, lang, ready],
  );
  const name = title ?? (lang ? (LANG_NAMES[lang] ?? lang) : "Code");

  return (
    <div
      className={`flex min-w-0 flex-col overflow-hidden rounded-md border border-border bg-surface-2 ${className}`}
    >
      <div className="flex h-9 shrink-0 items-center justify-between border-border border-b pr-1 pl-3">
        <span className="font-medium text-muted text-xs">{name}</span>
        <CopyButton value={code} label={`Copy ${name === "Shell" ? "command" : "code"}`} />
      </div>
      {/* A named, focusable region: keyboard users can reach and scroll it. <section> can't be a <pre>. */}
      {/* biome-ignore lint/a11y/useSemanticElements: see above. */}
      <pre
        role="region"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label={label ?? `${name} code`}
        className="min-h-0 flex-1 overflow-auto p-3 font-mono text-fg text-xs leading-5 dark:[&_span]:[color:var(--shiki-dark)]!"
      >
        <code>
          {lines
            ? lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position.
                <Fragment key={i}>
                  {i > 0 && "\n"}
                  {line.map((t, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their position.
                    <span key={j} style={t.style as CSSProperties}>
                      {t.content}
                    </span>
                  ))}
                </Fragment>
              ))
            : code}
        </code>
      </pre>
    </div>
  );
}
