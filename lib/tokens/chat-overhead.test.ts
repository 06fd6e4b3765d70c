import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { get_encoding, type TiktokenEncoding } from "tiktoken";
import { init, Tiktoken as LiteTiktoken } from "tiktoken/lite/init";
import { beforeAll, describe, expect, it } from "vitest";
import { ENCODINGS, type Encoding } from "@/lib/openai-facts";
import {
  type ChatMessageLike,
  estimateChatTokens,
  formatFunctions,
  planChatEstimate,
  REPLY_PRIMING,
  TOKENS_PER_MESSAGE,
  toolFunctions,
} from "./chat-overhead";
import { type RankData, rankFileOf, rankRanges } from "./encodings";
import { createEngine, type TokenEngine } from "./engine";

const require = createRequire(import.meta.url);
const ranksOf = (encoding: Encoding): RankData => require(`tiktoken/encoders/${rankFileOf(encoding)}.json`);

/** The worker's path (lite WASM + rank file + our special tokens), without fetch and chunks. */
const engines = new Map<Encoding, TokenEngine>();
beforeAll(async () => {
  const wasm = readFileSync(require.resolve("tiktoken/lite/tiktoken_bg.wasm"));
  await init((imports) => WebAssembly.instantiate(wasm, imports));
  for (const encoding of ENCODINGS)
    engines.set(encoding, createEngine(LiteTiktoken, encoding, ranksOf(encoding)));
});
const engine = (encoding: Encoding): TokenEngine => {
  const e = engines.get(encoding);
  if (!e) throw new Error(`no engine for ${encoding}`);
  return e;
};

const TRICKY = [
  "hello world",
  "",
  " ",
  "   leading and trailing   ",
  "👩🏽‍💻 codes; 👨‍👩‍👧‍👦 family; 👍🏿 thumbs; 🇯🇵🇫🇷 flags; 🏳️‍🌈",
  "東京都の天気は晴れです。今日は良い一日でした！",
  "한국어 텍스트와 中文混合 text",
  "مرحبا بالعالم",
  "e\u0301 vs é; Å vs A\u030a",
  "\u200b\u200d\ufeff zero-width",
  "tabs\tand\r\nwindows\nlines\n\n\n",
  "const x = { a: [1, 2, 3] }; // 12345678901234567890",
  "I'm, you're, we'LL, they've: contractions",
  "<|endoftext|> is plain text here <|endofprompt|>",
  "\u{1F600}".repeat(50),
  "a".repeat(5000),
];

describe("encode path (lite WASM + packaged ranks) matches tiktoken", () => {
  const native: Encoding[] = ["o200k_base", "cl100k_base", "p50k_base", "p50k_edit", "r50k_base"];
  for (const encoding of native) {
    it(encoding, () => {
      const reference = get_encoding(encoding as TiktokenEncoding);
      try {
        for (const text of TRICKY) {
          const ours = engine(encoding).encode(text);
          expect([...ours], JSON.stringify(text)).toEqual([...reference.encode(text, [], [])]);
          expect(engine(encoding).count(text)).toBe(ours.length);
          expect(engine(encoding).decode(ours)).toBe(text);
        }
        const special = "a<|endoftext|>b";
        expect([...engine(encoding).encode(special, "all")]).toEqual([...reference.encode(special, "all")]);
        expect([...engine(encoding).encode(special, ["<|endoftext|>"])]).toEqual([
          ...reference.encode(special, ["<|endoftext|>"]),
        ]);
      } finally {
        reference.free();
      }
    });
  }

  it("counts known examples", () => {
    expect(engine("o200k_base").count("hello world")).toBe(2);
    expect(engine("cl100k_base").count("hello world")).toBe(2);
    expect([...engine("o200k_base").encode("<|endoftext|>", "all")]).toEqual([199999]);
    expect([...engine("cl100k_base").encode("<|endoftext|>", "all")]).toEqual([100257]);
    expect([...engine("o200k_base").encode("<|endofprompt|>", "all")]).toEqual([200018]);
  });

  it("o200k_harmony is o200k_base plus the Harmony special tokens", () => {
    const reference = get_encoding("o200k_base");
    try {
      for (const text of TRICKY) {
        expect([...engine("o200k_harmony").encode(text)]).toEqual([...reference.encode(text, [], [])]);
      }
    } finally {
      reference.free();
    }
    const harmony = engine("o200k_harmony");
    expect([...harmony.encode("<|start|>user<|message|>hi<|end|>", "all")]).toEqual([
      200006,
      ...engine("o200k_base").encode("user"),
      200008,
      ...engine("o200k_base").encode("hi"),
      200007,
    ]);
    expect([...harmony.encode("<|channel|><|call|><|return|><|reserved_201087|>", "all")]).toEqual([
      200005, 200012, 200002, 201087,
    ]);
    expect(harmony.decode([200006])).toBe("<|start|>");
    // Without allowedSpecial the markers are text, as in a user's message.
    expect(harmony.count("<|start|>")).toBeGreaterThan(1);
  });

  it("decodes split UTF-8 as U+FFFD and refuses unknown ids without breaking", () => {
    const o200k = engine("o200k_base");
    const ids = o200k.encode("👩🏽‍💻");
    expect(ids.length).toBeGreaterThan(1);
    expect(o200k.decode(ids.slice(0, 1))).toContain("\ufffd");
    expect(() => o200k.decode([199998])).toThrow(/199998/); // a gap between ranks and specials
    expect(() => o200k.decode([250000])).toThrow(/not in o200k_base/);
    expect(engine("p50k_base").decode([50280])).toBeTypeOf("string"); // the second run of ranks
    expect(() => engine("p50k_base").decode([50281])).toThrow();
    expect(o200k.decode(o200k.encode("still works"))).toBe("still works");
  });

  it("reads the rank ranges of the packaged files", () => {
    expect(rankRanges(ranksOf("o200k_base").bpe_ranks)).toEqual([[0, 199998]]);
    expect(rankRanges(ranksOf("cl100k_base").bpe_ranks)).toEqual([[0, 100256]]);
    expect(rankRanges(ranksOf("p50k_base").bpe_ranks)).toEqual([
      [0, 50256],
      [50257, 50281],
    ]);
  });
});

describe("chat overhead estimate", () => {
  // The example of OpenAI's "How to count tokens with tiktoken" cookbook.
  const cookbook: ChatMessageLike[] = [
    {
      role: "system",
      content:
        "You are a helpful, pattern-following assistant that translates corporate jargon into plain English.",
    },
    { role: "system", name: "example_user", content: "New synergies will help drive top-line growth." },
    {
      role: "system",
      name: "example_assistant",
      content: "Things working well together will increase revenue.",
    },
    {
      role: "system",
      name: "example_user",
      content:
        "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
    },
    {
      role: "system",
      name: "example_assistant",
      content: "Let's talk later when we're less busy about how to do better.",
    },
    {
      role: "user",
      content: "This late pivot means we don't have time to boil the ocean for the client deliverable.",
    },
  ];

  /** The cookbook's loop, written out: every field value, +3 per message, +1 per name, +3. */
  function cookbookCount(messages: ChatMessageLike[], encoding: Encoding): number {
    const e = engine(encoding);
    let n = 0;
    for (const m of messages) {
      n += TOKENS_PER_MESSAGE + e.count(m.role) + e.count(String(m.content ?? ""));
      if (m.name) n += e.count(m.name) + 1;
    }
    return n + REPLY_PRIMING;
  }

  it("matches the cookbook recipe and its published totals", () => {
    for (const encoding of ["o200k_base", "cl100k_base"] as const) {
      const estimate = estimateChatTokens(cookbook, undefined, (t) => engine(encoding).count(t));
      expect(estimate.total).toBe(cookbookCount(cookbook, encoding));
      expect(estimate.messages).toHaveLength(cookbook.length);
      expect(estimate.messages.reduce((a, b) => a + b, 0) + REPLY_PRIMING).toBe(estimate.total);
    }
    // The cookbook reports these prompt_tokens from the API for gpt-3.5-turbo / gpt-4 and gpt-4o.
    expect(estimateChatTokens(cookbook, undefined, (t) => engine("cl100k_base").count(t)).total).toBe(129);
    expect(estimateChatTokens(cookbook, undefined, (t) => engine("o200k_base").count(t)).total).toBe(124);
  });

  it("counts an empty conversation as the reply priming only", () => {
    expect(estimateChatTokens([], undefined, () => 99).total).toBe(REPLY_PRIMING);
    expect(estimateChatTokens([{ role: "user", content: "" }], null, (t) => t.length).total).toBe(
      TOKENS_PER_MESSAGE + 4 + REPLY_PRIMING,
    );
  });

  it("counts text parts and flags image parts", () => {
    const plan = planChatEstimate([
      {
        role: "user",
        content: [
          { type: "text", text: "What is " },
          { type: "image_url", image_url: { url: "https://example.com/a.png" } },
          { type: "text", text: "this?" },
        ],
      },
    ]);
    expect(plan.hasUncountedParts).toBe(true);
    expect(plan.items[0]?.texts).toEqual(["user", "What is this?"]);
  });

  it("counts tool calls of assistant messages", () => {
    const count = (t: string) => engine("o200k_base").count(t);
    const without = estimateChatTokens([{ role: "assistant", content: null }], undefined, count).total;
    const withCall = estimateChatTokens(
      [
        {
          role: "assistant",
          content: null,
          toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }],
        },
      ],
      undefined,
      count,
    ).total;
    expect(withCall - without).toBe(3 + count("get_weather") + count('{"city":"Paris"}'));
  });

  const weatherTool = {
    type: "function",
    function: {
      name: "get_weather",
      description: "Current weather for a city",
      parameters: {
        type: "object",
        properties: {
          city: { type: "string", description: "City name" },
          unit: { type: "string", enum: ["c", "f"] },
          days: { type: "integer" },
          tags: { type: "array", items: { type: "string" } },
          where: { type: "object", properties: { lat: { type: "number" } }, required: ["lat"] },
        },
        required: ["city"],
      },
    },
  };

  it("formats tools as the functions namespace", () => {
    expect(formatFunctions(toolFunctions([weatherTool]))).toBe(
      [
        "namespace functions {",
        "",
        "// Current weather for a city",
        "type get_weather = (_: {",
        "// City name",
        "city: string,",
        'unit?: "c" | "f",',
        "days?: number,",
        "tags?: string[],",
        "where?: {",
        "  lat: number,",
        "},",
        "}) => any;",
        "",
        "} // namespace functions",
      ].join("\n"),
    );
    expect(formatFunctions(toolFunctions([{ type: "function", name: "ping" }]))).toBe(
      "namespace functions {\n\ntype ping = () => any;\n\n} // namespace functions",
    );
  });

  it("accepts Chat, Responses and playground tool shapes, as values or JSON text", () => {
    const chat = toolFunctions([weatherTool]);
    const responses = toolFunctions([{ type: "function", ...weatherTool.function }]);
    const playground = toolFunctions([
      { ...weatherTool.function, parameters: JSON.stringify(weatherTool.function.parameters) },
    ]);
    const text = toolFunctions(JSON.stringify([weatherTool]));
    expect(responses).toEqual(chat);
    expect(playground).toEqual(chat);
    expect(text).toEqual(chat);
    expect(toolFunctions("not json")).toEqual([]);
    expect(toolFunctions([{ type: "web_search" }, null, 3])).toEqual([]);
    expect(toolFunctions([{ name: "half", parameters: "{ not json" }])[0]?.parameters).toBe("{ not json");
  });

  it("adds tool overhead, pads the first system message, and discounts with a system message", () => {
    const count = (t: string) => engine("o200k_base").count(t);
    const toolsText = formatFunctions(toolFunctions([weatherTool]));
    const user: ChatMessageLike[] = [{ role: "user", content: "Weather in Paris?" }];
    const base = estimateChatTokens(user, undefined, count);
    const withTools = estimateChatTokens(user, [weatherTool], count);
    expect(withTools.hasTools).toBe(true);
    expect(withTools.tools).toBe(count(toolsText) + 9);
    expect(withTools.total).toBe(base.total + count(toolsText) + 9);

    const sys: ChatMessageLike[] = [{ role: "system", content: "Be brief." }, ...user];
    const sysBase = estimateChatTokens(sys, undefined, count);
    const sysTools = estimateChatTokens(sys, [weatherTool], count);
    const padding = count("Be brief.\n") - count("Be brief.");
    expect(sysTools.total).toBe(sysBase.total + padding + count(toolsText) + 9 - 4);
  });
});
