// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file writes JavaScript source.
import type { BuiltRequest } from "./types";

/**
 * "View code": programs that send exactly the playground's request. The body each one sends is
 * byte-for-byte `req.text`, so nothing is re-serialised: the JSON text is embedded as a string
 * literal of the target language, quoted so that no character of it is interpreted.
 * The key always comes from the OPENAI_API_KEY environment variable, never a literal.
 */

export type CodeTarget = { kind: "upstream"; baseUrl: string } | { kind: "benchtop"; baseUrl: string };
export type CodeLang = "curl" | "python" | "node" | "json";

const BENCHTOP_NOTE = "OPENAI_API_KEY holds your personal Benchtop token (bt_pat_…), not an OpenAI key.";

export function generateCode(req: BuiltRequest, target: CodeTarget, lang: CodeLang): string {
  if (lang === "json") return req.text;
  const url = target.baseUrl.replace(/\/+$/, "") + req.path;
  const stream = req.body.stream === true;
  const note = target.kind === "benchtop" ? BENCHTOP_NOTE : null;
  if (lang === "curl") return curl(req.text, url, stream, note);
  if (lang === "python") return python(req.text, url, stream, note);
  return node(req.text, url, stream, note);
}

// --- shell -------------------------------------------------------------------------------------

/**
 * POSIX single quotes keep every byte literally (newlines, `$`, backticks, `\`, `!`); a run of
 * quotes closes the string, is written as `\'`s, and reopens it.
 */
export function shellQuote(s: string): string {
  return `'${s.replace(/'+/g, (run) => `'${"\\'".repeat(run.length)}'`)}'`;
}

function shellWord(s: string): string {
  return /^[\w.:/@%+,=~-]+$/.test(s) ? s : shellQuote(s);
}

function curl(text: string, url: string, stream: boolean, note: string | null): string {
  const lines = [
    `curl ${shellWord(url)}`,
    `-H "Authorization: Bearer $OPENAI_API_KEY"`,
    `-H "Content-Type: application/json"`,
    ...(stream ? ["--no-buffer"] : []),
    `--data-binary ${shellQuote(text)}`,
  ];
  return `${note ? `# ${note}\n` : ""}${lines.join(" \\\n  ")}\n`;
}

// --- Python ------------------------------------------------------------------------------------

/**
 * A Python str literal: `r"""…"""` with the text verbatim when that is safe, which is always the
 * case for JSON.stringify output of an object. In a raw string a backslash pairs with the next
 * character for the lexer, just as in JSON, so JSON's escapes (`\"`, `\\`) never end it, and an
 * unescaped `"` only occurs as a string delimiter, never three in a row.
 * Otherwise: an ordinary literal with every backslash, quote and control character escaped.
 */
export function pythonString(text: string): string {
  let safe = text !== "" && !/[\r\0]/.test(text) && !text.endsWith('"');
  for (let i = 0; safe && i < text.length; i++) {
    if (text[i] === "\\") {
      if (++i === text.length) safe = false;
    } else if (text.startsWith('"""', i)) safe = false;
  }
  if (safe) return `r"""${text}"""`;
  const named: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  const esc = text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes.
    /[\\"\u0000-\u001f\u007f]/g,
    (c) => named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return `"${esc}"`;
}

function python(text: string, url: string, stream: boolean, note: string | null): string {
  const read = stream
    ? [
        "        for line in res:  # server-sent events, printed as they arrive",
        '            print(line.decode(), end="", flush=True)',
      ]
    : ["        print(res.read().decode())"];
  return [
    "import os",
    "import sys",
    "import urllib.error",
    "import urllib.request",
    "",
    ...(note ? [`# ${note}`] : []),
    'API_KEY = os.environ["OPENAI_API_KEY"]',
    "",
    "# The exact request body, sent as is.",
    `BODY = ${pythonString(text)}.encode("utf-8")`,
    "",
    "request = urllib.request.Request(",
    `    ${JSON.stringify(url)},`,
    "    data=BODY,",
    '    method="POST",',
    '    headers={"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"},',
    ")",
    "try:",
    "    with urllib.request.urlopen(request) as res:",
    ...read,
    "except urllib.error.HTTPError as e:",
    '    print(f"HTTP {e.code}:", e.read().decode(), file=sys.stderr)',
    "    sys.exit(1)",
    "",
  ].join("\n");
}

// --- Node --------------------------------------------------------------------------------------

/**
 * A JavaScript string expression: String.raw`…` keeps the text as written, backslashes included
 * (they pair with the next character, as in JSON). The only things it cannot hold, a backtick and
 * `${`, are spliced in as `${"`"}` and `${"$"}{`. Otherwise (CR, NUL, a trailing lone backslash):
 * a JSON string literal, which is valid JavaScript.
 */
export function jsString(text: string): string {
  if (/[\r\0]/.test(text)) return JSON.stringify(text);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      if (i + 1 === text.length) return JSON.stringify(text);
      out += c + text[++i];
    } else if (c === "`") out += '${"`"}';
    else if (c === "$" && text[i + 1] === "{") out += '${"$"}';
    else out += c;
  }
  return `String.raw\`${out}\``;
}

function node(text: string, url: string, stream: boolean, note: string | null): string {
  const read = stream
    ? [
        "// Server-sent events, printed as they arrive.",
        "for await (const chunk of res.body) process.stdout.write(chunk);",
      ]
    : ["console.log(await res.text());"];
  return [
    "// Node 18+. Save as request.mjs and run: node request.mjs",
    ...(note ? [`// ${note}`] : []),
    "",
    "// The exact request body, sent as is.",
    `const body = ${jsString(text)};`,
    "",
    `const res = await fetch(${JSON.stringify(url)}, {`,
    '  method: "POST",',
    "  headers: {",
    "    Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,",
    '    "Content-Type": "application/json",',
    "  },",
    "  body,",
    "});",
    "if (!res.ok) {",
    "  console.error(`HTTP ${res.status}`);",
    "  process.exitCode = 1;",
    "}",
    ...read,
    "",
  ].join("\n");
}
