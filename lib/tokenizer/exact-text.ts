/**
 * CodeMirror settings that keep the tokenizer's text exactly as given. By default CodeMirror takes
 * `\r\n`, `\r` and `\n` all as line breaks and stores them as `\n`, so a text with CR would be
 * counted as another text (and "Open a file" would count right until the first edit rewrote it).
 * With `\n` as the only separator, a CR is an ordinary character of its line: the document, a
 * paste into it and what is read back out of it are the exact string.
 */
import { EditorState, type Extension } from "@codemirror/state";

export const keepLineEnds: Extension = EditorState.lineSeparator.of("\n");

/**
 * C0 control characters other than tab and newline (so CR among them), and DEL: drawn as marks
 * (␍) in the box. Zero-width joiners and the like stay as they are, so 👨‍👩‍👧 shows whole.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const MARKED_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/gu;
