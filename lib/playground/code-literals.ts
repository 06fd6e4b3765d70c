// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file writes JavaScript source.

/**
 * String literals of the target languages that hold a request body byte for byte: no character of
 * the text is interpreted. Used by the programs "View code" writes (lib/playground/code.ts).
 */

/**
 * POSIX single quotes keep every byte literally (newlines, `$`, backticks, `\`, `!`); a run of
 * quotes closes the string, is written as `\'`s, and reopens it.
 */
export function shellQuote(s: string): string {
  return `'${s.replace(/'+/g, (run) => `'${"\\'".repeat(run.length)}'`)}'`;
}

/** A shell word: as is when it holds nothing the shell interprets, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w.:/@%+,=~-]+$/.test(s) ? s : shellQuote(s);
}

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
