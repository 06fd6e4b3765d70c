"use client";

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightSpecialChars, keymap, placeholder } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { keepLineEnds, MARKED_CHARS } from "@/lib/tokenizer/exact-text";

/** Above this many characters, the text is read out of the editor at most every 150 ms. */
const EAGER_CHARS = 50_000;
const MONO = 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace';

const theme = EditorView.theme({
  "&": {
    height: "100%",
    backgroundColor: "var(--surface)",
    color: "var(--fg)",
    fontSize: "13px",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: MONO, lineHeight: "1.55", overflow: "auto" },
  ".cm-content": { padding: "8px 0", caretColor: "var(--fg)" },
  ".cm-line": { padding: "0 10px" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground": {
    backgroundColor: "var(--accent-soft)",
  },
  ".cm-placeholder": { color: "var(--muted)" },
  ".cm-specialChar": { color: "var(--muted)" },
});

/** The page's CSP nonce: the browser hides the attribute, but a script can still read `.nonce`. */
function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
}

export interface TextEditorProps {
  /** The text when the editor mounts; remount (change `key`) to replace it from outside. */
  initial: string;
  onChange(text: string): void;
  label: string;
  placeholderText: string;
}

/**
 * The text box: CodeMirror, which draws only the lines on screen. A native textarea holding a
 * megabyte spends 300 ms or more laying itself out after every key in Chromium (and a paste of it
 * takes minutes); this stays under a frame.
 */
export function TextEditor({ initial, onChange, label, placeholderText }: TextEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const initialText = useRef(initial);

  useEffect(() => {
    if (!host.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let view: EditorView | null = null;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (view) changed.current(view.state.doc.toString());
    };
    view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText.current,
        extensions: [
          keepLineEnds,
          highlightSpecialChars({ specialChars: MARKED_CHARS }),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          placeholder(placeholderText),
          EditorView.contentAttributes.of({
            "aria-label": label,
            "data-testid": "tokenizer-text",
            spellcheck: "false",
          }),
          theme,
          // CodeMirror puts its styles in a <style> element, which the page's CSP admits by nonce only.
          EditorView.cspNonce.of(pageNonce()),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            if (u.state.doc.length < EAGER_CHARS) flush();
            else if (timer === undefined) timer = setTimeout(flush, 150);
          }),
        ],
      }),
    });
    return () => {
      if (timer !== undefined) flush();
      view?.destroy();
      view = null;
    };
  }, [label, placeholderText]);

  return (
    <div
      ref={host}
      className="h-40 min-h-20 resize-y overflow-hidden rounded-md border border-border bg-surface focus-within:outline-2 focus-within:outline-[var(--ring)]"
    />
  );
}
