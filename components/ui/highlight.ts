import type { HighlighterCore } from "shiki/core";

/**
 * Syntax highlighting, loaded on first use: shiki's core, its JavaScript regex engine (no WASM), two
 * themes and only the grammars asked for, each a dynamic import so none of it is in the page bundle.
 * Tokens carry both themes' colours (`color` for light, `--shiki-dark` for dark), so a theme switch
 * is pure CSS and never re-highlights.
 */

export type HighlightLang = keyof typeof GRAMMARS;

export interface HighlightToken {
  content: string;
  style?: Record<string, string>;
}

// One chunk per grammar, each loaded when a block in that language first shows. The list is what
// replies commonly hold; a block in another language stays plain text.
const GRAMMARS = {
  bash: () => import("shiki/langs/bash.mjs"),
  python: () => import("shiki/langs/python.mjs"),
  javascript: () => import("shiki/langs/javascript.mjs"),
  json: () => import("shiki/langs/json.mjs"),
  typescript: () => import("shiki/langs/typescript.mjs"),
  tsx: () => import("shiki/langs/tsx.mjs"),
  jsx: () => import("shiki/langs/jsx.mjs"),
  html: () => import("shiki/langs/html.mjs"),
  css: () => import("shiki/langs/css.mjs"),
  sql: () => import("shiki/langs/sql.mjs"),
  yaml: () => import("shiki/langs/yaml.mjs"),
  toml: () => import("shiki/langs/toml.mjs"),
  xml: () => import("shiki/langs/xml.mjs"),
  diff: () => import("shiki/langs/diff.mjs"),
  go: () => import("shiki/langs/go.mjs"),
  rust: () => import("shiki/langs/rust.mjs"),
  java: () => import("shiki/langs/java.mjs"),
  c: () => import("shiki/langs/c.mjs"),
  cpp: () => import("shiki/langs/cpp.mjs"),
  csharp: () => import("shiki/langs/csharp.mjs"),
  ruby: () => import("shiki/langs/ruby.mjs"),
} satisfies Record<string, () => Promise<unknown>>;

const ALIASES: Record<string, HighlightLang> = {
  sh: "bash",
  shell: "bash",
  shellscript: "bash",
  zsh: "bash",
  console: "bash",
  py: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  node: "javascript",
  ts: "typescript",
  jsonc: "json",
  jsonl: "json",
  yml: "yaml",
  "c++": "cpp",
  "c#": "csharp",
  cs: "csharp",
  rb: "ruby",
  rs: "rust",
  golang: "go",
  svg: "xml",
  patch: "diff",
};

/** The grammar for a code fence's info string (`ts`, `Python`, `c++`), or null for none we load. */
export function highlightLangFor(info: string): HighlightLang | null {
  const name = info.trim().toLowerCase();
  if (Object.hasOwn(GRAMMARS, name)) return name as HighlightLang;
  return ALIASES[name] ?? null;
}

let highlighter: Promise<HighlighterCore> | null = null;
const languages = new Map<HighlightLang, Promise<void>>();
/** Set once a grammar has loaded: from then on highlighting is synchronous. */
let ready: HighlighterCore | null = null;

function core(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })().catch((e: unknown) => {
    highlighter = null; // a failed chunk load (offline, new deploy) may succeed next time
    throw e;
  });
  return highlighter;
}

function language(h: HighlighterCore, lang: HighlightLang): Promise<void> {
  let loading = languages.get(lang);
  if (!loading) {
    loading = GRAMMARS[lang]()
      .then((mod) => h.loadLanguage(mod as Parameters<HighlighterCore["loadLanguage"]>[0]))
      .catch((e: unknown) => {
        languages.delete(lang);
        throw e;
      });
    languages.set(lang, loading);
  }
  return loading;
}

/** Loads the highlighter and the grammar; afterwards highlightNow(…, lang) answers at once. */
export async function loadHighlighter(lang: HighlightLang): Promise<void> {
  const h = await core();
  await language(h, lang);
  ready = h;
}

const reactStyle = (style: Record<string, string> | undefined) =>
  style &&
  Object.fromEntries(
    Object.entries(style).map(([k, v]) => [
      k.startsWith("--") ? k : k.replace(/-(\w)/g, (_, c) => c.toUpperCase()),
      v,
    ]),
  );

/**
 * The code as lines of tokens coloured for both themes (`color` for light, `--shiki-dark` for dark),
 * or null when the highlighter or this grammar is not loaded yet.
 */
export function highlightNow(code: string, lang: HighlightLang): HighlightToken[][] | null {
  if (!ready?.getLoadedLanguages().includes(lang)) return null;
  try {
    const { tokens } = ready.codeToTokens(code, {
      lang,
      themes: { light: "github-light", dark: "github-dark" },
    });
    return tokens.map((line) => line.map((t) => ({ content: t.content, style: reactStyle(t.htmlStyle) })));
  } catch {
    return null;
  }
}
