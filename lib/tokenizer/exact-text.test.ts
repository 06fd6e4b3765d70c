import { EditorState } from "@codemirror/state";
import { get_encoding, type Tiktoken, type TiktokenEncoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENCODINGS, type Encoding } from "@/lib/openai-facts";
import type { TokenEngine } from "@/lib/tokens/engine";
import { loadTestEngines } from "@/lib/tokens/test-engines";
import { keepLineEnds, MARKED_CHARS } from "./exact-text";

const ISSUE_TEXT = "The quick brown fox\r\njumps over\rthe lazy dog.";

/** Texts whose line ends and invisible characters a text box could change. */
const EXACT_TEXTS: Record<string, string> = {
  issue: ISSUE_TEXT,
  cr: "one\rtwo\rthree\r",
  crlf: "one\r\ntwo\r\n\r\nthree\r\n",
  mixed: "a\nb\r\nc\rd\n\re\r\r\n\n",
  tabs: "\tindented\t\ttwice\n\t\n",
  trailingSpaces: "line with spaces   \nand one more \r\n  ",
  zwjEmoji: "family 👨‍👩‍👧 at home\r\n",
  flags: "🇫🇷🇯🇵 flags\r🇺🇳",
  lone: "\r",
};

/** The reference for each encoding: tiktoken (o200k_harmony is o200k_base for ordinary text). */
const referenceOf = (e: Encoding): TiktokenEncoding =>
  (e === "o200k_harmony" ? "o200k_base" : e) as TiktokenEncoding;

let engines: Map<Encoding, TokenEngine>;
const reference = new Map<Encoding, Tiktoken>();
beforeAll(async () => {
  engines = await loadTestEngines();
  for (const e of ENCODINGS) reference.set(e, get_encoding(referenceOf(e)));
});
afterAll(() => {
  for (const r of reference.values()) r.free();
});

const create = (doc: string) => EditorState.create({ doc, extensions: [keepLineEnds] });

describe("the text box keeps CR and CRLF", () => {
  it("holds, pastes and edits the exact string", () => {
    for (const [name, text] of Object.entries(EXACT_TEXTS)) {
      // Opened (a file, a share, the draft): the document is the text.
      expect(create(text).doc.toString(), name).toBe(text);
      // Pasted over other text, as CodeMirror's paste handler does (state.toText).
      const empty = create("x");
      const pasted = empty.update({ changes: { from: 0, to: 1, insert: empty.toText(text) } }).state;
      expect(pasted.doc.toString(), name).toBe(text);
      // An edit elsewhere leaves the line ends alone.
      const edited = pasted.update({ changes: { from: 0, insert: "!" } }).state;
      expect(edited.doc.toString(), name).toBe(`!${text}`);
      expect(edited.sliceDoc(1), name).toBe(text);
    }
  });

  it("would lose them with CodeMirror's default separator (what the box did before)", () => {
    expect(EditorState.create({ doc: ISSUE_TEXT }).doc.toString()).toBe(
      "The quick brown fox\njumps over\nthe lazy dog.",
    );
  });

  it("marks CR and other control characters, not tabs, newlines or joiners", () => {
    const marked = (s: string) => [...s.matchAll(MARKED_CHARS)].map((m) => m[0]);
    expect(marked("a\rb\r\nc")).toEqual(["\r", "\r"]);
    expect(marked("\t\n👨‍👩‍👧🇫🇷 ")).toEqual([]);
    expect(marked("\u0000\u001b\u007f")).toHaveLength(3);
  });
});

describe("the box's text tokenizes as tiktoken does, in every encoding", () => {
  for (const encoding of ENCODINGS) {
    it(encoding, () => {
      const engine = engines.get(encoding);
      const ref = reference.get(encoding);
      if (!engine || !ref) throw new Error(encoding);
      for (const [name, text] of Object.entries(EXACT_TEXTS)) {
        const doc = create(text).doc.toString();
        const r = engine.tokenize(doc);
        expect([...r.ids], `${encoding} ${name}`).toEqual([...ref.encode(text, [], [])]);
        expect(r.ids.length, `${encoding} ${name}`).toBe(ref.encode(text, [], []).length);
        expect(r.chars, `${encoding} ${name}`).toBe([...text].length);
      }
    });
  }

  it("gives the issue's ids: CRLF is 370 and CR 201 in o200k_base, not 198", () => {
    const ids = [...(engines.get("o200k_base")?.tokenize(create(ISSUE_TEXT).doc.toString()).ids ?? [])];
    expect(ids).toContain(370);
    expect(ids).toContain(201);
    expect(ids).not.toContain(198);
  });
});
