import { get_encoding, type Tiktoken, type TiktokenEncoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Encoding } from "@/lib/openai-facts";
import type { TokenEngine } from "./engine";
import {
  buildSegments,
  countCodePoints,
  countWords,
  findSpecialText,
  segmentAt,
  segmentCount,
  segmentOfToken,
  type TokenSegments,
} from "./segments";
import { loadTestEngines } from "./test-engines";

const NATIVE: Encoding[] = ["o200k_base", "cl100k_base", "p50k_base", "p50k_edit", "r50k_base"];

/** Inputs where tokenizers disagree or break: each is checked in every encoding. */
const TRICKY: Record<string, string> = {
  emojiModifiers: "👍🏿 👋🏻 👩🏽‍💻 🧑🏾‍🤝‍🧑🏼 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵🇫🇷🇺🇳 ❤️‍🔥 1️⃣ #️⃣",
  cjk: "東京都の天気は晴れです。今日は良い一日でした！我爱北京天安门。한국어 텍스트입니다.",
  rareCjk: "𠀋𡈽𡌛𡑮𡢽 𪚲𪜈 (CJK extension B) 〇〻〆",
  mixedScripts: "Hello мир, مرحبا بالعالم, שלום עולם, नमस्ते दुनिया, γειά σου κόσμε, ça va? Ñandú.",
  combining:
    "e\u0301 A\u030a n\u0303 Z\u0335\u0321\u0327a\u0336\u0341l\u0337g\u0338o\u0334 ק\u05b8 \u0915\u094d\u0937",
  invisibles: "zero\u200bwidth\u200djoin\ufeffbom\u00a0nbsp\u2009thin\u3000ideo",
  whitespaceRuns: `${" ".repeat(257)}x${"\t".repeat(64)}y${"\n".repeat(100)}z${" \n".repeat(40)}${"\r\n".repeat(10)}   `,
  specialText:
    "<|endoftext|> <|endofprompt|> <|fim_prefix|><|fim_middle|><|fim_suffix|> <|im_start|>user<|im_end|> <|start|><|message|> <|notatoken|>",
  code: [
    "export function fib(n: number): number {",
    "\treturn n < 2 ? n : fib(n - 1) + fib(n - 2); // 🐇",
    "}",
    'const json = {"a":[1,2,3],"b":null,"c":"\\u00e9"};',
    "def f(x):\n    return x ** 2  # 平方\n",
    "SELECT * FROM t WHERE id IN (1, 2, 3) AND name LIKE '%é%';",
    "0x1F600 1234567890123 3.14159e-10 -42",
  ].join("\n"),
  long: `${"lorem ipsum dolor sit amet, ".repeat(200)}${"🙂".repeat(300)}${"字".repeat(300)}`,
  loneSurrogates: "a\ud800b\udc00c",
};

let engines: Map<Encoding, TokenEngine>;
const reference = new Map<Encoding, Tiktoken>();
beforeAll(async () => {
  engines = await loadTestEngines();
  for (const e of NATIVE) reference.set(e, get_encoding(e as TiktokenEncoding));
});
afterAll(() => {
  for (const r of reference.values()) r.free();
});
const engine = (e: Encoding): TokenEngine => {
  const x = engines.get(e);
  if (!x) throw new Error(e);
  return x;
};
const ref = (e: Encoding): Tiktoken => {
  const x = reference.get(e);
  if (!x) throw new Error(e);
  return x;
};

const segText = (text: string, s: TokenSegments, i: number) => text.slice(s.segStarts[i], s.segStarts[i + 1]);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const utf8 = new TextEncoder();
const strict = new TextDecoder("utf-8", { fatal: true });

describe("tokenize (the worker's path) matches tiktoken on tricky inputs", () => {
  for (const encoding of NATIVE) {
    it(encoding, () => {
      for (const [name, text] of Object.entries(TRICKY)) {
        const label = `${encoding} ${name}`;
        const r = engine(encoding).tokenize(text);
        expect([...r.ids], label).toEqual([...ref(encoding).encode(text, [], [])]);
        expect(r.chars, label).toBe([...text].length);
        // Segments cover the text exactly, in order, and every token is in exactly one.
        expect(r.segStarts[0]).toBe(0);
        expect(r.segStarts.at(-1), label).toBe(text.length);
        expect(r.segTokens.at(-1), label).toBe(r.ids.length);
        let joined = "";
        for (let i = 0; i < segmentCount(r); i++) {
          const s = segText(text, r, i);
          joined += s;
          const tokens = [...r.ids.slice(r.segTokens[i], r.segTokens[i + 1])];
          expect(tokens.length, `${label} segment ${i}`).toBeGreaterThan(0);
          // A segment's characters are exactly its tokens' bytes (lone surrogates excepted: U+FFFD).
          const bytes = concat(tokens.map((t) => ref(encoding).decode_single_token_bytes(t)));
          if (name !== "loneSurrogates") expect(bytes, `${label} segment ${i}`).toEqual(utf8.encode(s));
          // Tokens share a segment only when a character is split between them.
          let prefix = 0;
          for (let k = 0; k < tokens.length - 1; k++) {
            prefix += r.tokenBytes[(r.segTokens[i] ?? 0) + k] ?? 0;
            expect(() => strict.decode(bytes.slice(0, prefix)), `${label} segment ${i}`).toThrow();
          }
        }
        expect(joined, label).toBe(text);
        expect(r.special.length, label).toBe(0);
      }
    });
  }

  it("o200k_harmony tokenizes ordinary text as o200k_base", () => {
    for (const text of Object.values(TRICKY)) {
      expect([...engine("o200k_harmony").tokenize(text).ids]).toEqual([
        ...ref("o200k_base").encode(text, [], []),
      ]);
    }
  });

  it("splits emoji and rare CJK across tokens into one segment each, where the encoding does", () => {
    const r = engine("cl100k_base").tokenize("👩🏽‍💻");
    expect(r.ids.length).toBeGreaterThan(1);
    const multi = [...Array(segmentCount(r)).keys()].filter(
      (i) => (r.segTokens[i + 1] ?? 0) - (r.segTokens[i] ?? 0) > 1,
    );
    expect(multi.length).toBeGreaterThan(0);
    for (const i of multi) expect(segText("👩🏽‍💻", r, i)).not.toContain("\ufffd");
    const rare = engine("r50k_base").tokenize("𠀋");
    expect(rare.ids.length).toBeGreaterThan(1);
    expect(segmentCount(rare)).toBe(1);
  });

  it("marks special tokens when allowed and flags their text when not", () => {
    const text = "a<|endoftext|>b<|endofprompt|>c<|im_start|>";
    const o200k = engine("o200k_base");
    const allowed = o200k.tokenize(text, "all");
    expect([...allowed.ids]).toEqual([...ref("o200k_base").encode(text, "all")]);
    expect([...allowed.special].map((t) => allowed.ids[t])).toEqual([199999, 200018]);
    expect(allowed.plainSpecials.length).toBe(0);
    // A special token's segment is its text.
    const seg = segmentOfToken(allowed, allowed.special[0] ?? 0);
    expect(segText(text, allowed, seg)).toBe("<|endoftext|>");

    const plain = o200k.tokenize(text);
    expect(plain.special.length).toBe(0);
    // <|im_start|> is not an o200k special token: not flagged.
    expect([...plain.plainSpecials]).toEqual([1, 14, 15, 30]);
    const some = o200k.tokenize(text, ["<|endoftext|>"]);
    expect([...some.plainSpecials]).toEqual([15, 30]);
    // Chat markers (<|im_start|>) are not in the packaged encodings, so they stay text, unflagged.
    expect([...engine("cl100k_base").tokenize(text).plainSpecials]).toEqual([1, 14, 15, 30]);
    const harmony = engine("o200k_harmony").tokenize("<|start|>user<|message|>hi<|end|>", "all");
    expect([...harmony.special].map((t) => harmony.ids[t])).toEqual([200006, 200008, 200007]);
  });

  it("tokenizes a megabyte of mixed text consistently", () => {
    const parts = Object.values(TRICKY).filter((t) => !t.includes("\ud800"));
    let text = "";
    for (let i = 0; text.length < 1_000_000; i++) text += parts[i % parts.length];
    const r = engine("o200k_base").tokenize(text);
    expect(r.ids.length).toBe(ref("o200k_base").encode(text, [], []).length);
    expect(r.segStarts.at(-1)).toBe(text.length);
    expect(r.tokenBytes.reduce((a, b) => a + b, 0)).toBe(utf8.encode(text).length);
  });
});

describe("buildSegments", () => {
  const build = (text: string, lengths: number[]) => {
    const s = buildSegments(text, lengths);
    return [...Array(segmentCount(s)).keys()].map((i) => ({
      text: segText(text, s, i),
      tokens: [s.segTokens[i], s.segTokens[i + 1]],
    }));
  };

  it("gives each token its own segment when tokens end on characters", () => {
    expect(build("hello world", [5, 6])).toEqual([
      { text: "hello", tokens: [0, 1] },
      { text: " world", tokens: [1, 2] },
    ]);
  });

  it("joins tokens that split a character", () => {
    // é is 2 bytes, 😀 is 4 (a surrogate pair), 字 is 3.
    expect(build("aé😀字", [1, 1, 1, 2, 2, 3])).toEqual([
      { text: "a", tokens: [0, 1] },
      { text: "é", tokens: [1, 3] },
      { text: "😀", tokens: [3, 5] },
      { text: "字", tokens: [5, 6] },
    ]);
    // A token may end mid-character and the next one run on past several characters.
    expect(build("😀😀x", [3, 6])).toEqual([{ text: "😀😀x", tokens: [0, 2] }]);
    expect(build("é字", [1, 4])).toEqual([{ text: "é字", tokens: [0, 2] }]);
  });

  it("handles the empty text, lone surrogates and lengths that do not add up", () => {
    expect(build("", [])).toEqual([]);
    expect(buildSegments("", []).segStarts).toEqual(new Uint32Array([0]));
    expect(build("a\ud800b", [1, 3, 1])).toEqual([
      { text: "a", tokens: [0, 1] },
      { text: "\ud800", tokens: [1, 2] },
      { text: "b", tokens: [2, 3] },
    ]);
    // Too few bytes: the rest of the text joins the last segment. Too many: the text ends there.
    expect(build("abc", [1, 1]).at(-1)).toEqual({ text: "bc", tokens: [1, 2] });
    expect(build("ab", [1, 5]).at(-1)).toEqual({ text: "b", tokens: [1, 2] });
  });

  it("finds the segment of a token and of a character", () => {
    const s = buildSegments("aé😀字", [1, 1, 1, 2, 2, 3]);
    expect([0, 1, 2, 3, 4, 5].map((t) => segmentOfToken(s, t))).toEqual([0, 1, 1, 2, 2, 3]);
    expect([0, 1, 2, 3, 4].map((c) => segmentAt(s, c))).toEqual([0, 1, 2, 2, 3]);
  });
});

describe("counts", () => {
  it("counts code points", () => {
    expect(countCodePoints("")).toBe(0);
    expect(countCodePoints("a😀é")).toBe(3);
    expect(countCodePoints("\ud800")).toBe(1);
  });

  it("counts words in spaced and unspaced scripts", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("Hello, world!")).toBe(2);
    expect(countWords("it's well-known — isn’t it?")).toBe(4);
    expect(countWords("東京都の天気")).toBe(6);
    expect(countWords("Привет мир 123")).toBe(3);
    expect(countWords("  \n\t ")).toBe(0);
    expect(countWords("café naïve résumé")).toBe(3);
  });

  it("finds special-token text", () => {
    const known = new Set(["<|endoftext|>"]);
    expect([...findSpecialText("x<|endoftext|><|nope|>", (n) => known.has(n))]).toEqual([1, 14]);
    expect(findSpecialText("no specials", () => true).length).toBe(0);
  });
});
