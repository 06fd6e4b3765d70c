import { describe, expect, it } from "vitest";
import type { TrainingMethod } from "./checks";
import { autoEpochs, hashLine, LineSplitter, type ValidationOptions, ValidationRun } from "./run";

/** One token per character: enough to test the sums without a tokenizer. */
const count = (t: string) => t.length;

function validate(
  lines: string[],
  method: TrainingMethod = "supervised",
  extra: Partial<ValidationOptions> = {},
) {
  const run = new ValidationRun({ method, contextTokens: 100_000, trainingPrice: 3, count, ...extra });
  let offset = 0;
  for (const l of lines) {
    run.addLine(l, offset);
    offset += l.length + 1;
  }
  return { report: run.finish(), run };
}

const chat = (i: number) =>
  JSON.stringify({
    messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: `Question ${i}?` },
      { role: "assistant", content: `Answer ${i}.` },
    ],
  });
const good = Array.from({ length: 12 }, (_, i) => chat(i));
const kinds = (lines: string[], method?: TrainingMethod) =>
  validate(lines, method)
    .report.issues.filter((i) => i.line !== null)
    .map((i) => [i.line, i.kind]);

describe("supervised chat", () => {
  it("passes good data and sums tokens, epochs and cost", () => {
    const { report } = validate(good);
    expect(report.errorCount).toBe(0);
    expect(report.examples).toBe(12);
    expect(report.epochs).toBe(8); // 12 × 3 < 100 → floor(100 / 12)
    expect(report.billedTokens).toBe(report.tokens.total * 8);
    expect(report.cost).toBeCloseTo((report.billedTokens * 3) / 1e6);
  });

  it("names each cookbook error kind with its line", () => {
    const bad = [
      "not json",
      "[1, 2]",
      JSON.stringify({ prompt: "x" }),
      JSON.stringify({ messages: [{ content: "hi" }, { role: "assistant", content: "a" }] }),
      JSON.stringify({
        messages: [
          { role: "user", content: "hi", mood: "x" },
          { role: "assistant", content: "a" },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "agent", content: "hi" },
          { role: "assistant", content: "a" },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: "user", content: "" },
          { role: "assistant", content: "a" },
        ],
      }),
      JSON.stringify({ messages: [{ role: "user", content: "hi" }] }),
      JSON.stringify({
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: "a", weight: 0.5 },
        ],
      }),
    ];
    expect(kinds(bad)).toEqual([
      [1, "invalid_json"],
      [2, "data_type"],
      [3, "missing_messages_list"],
      [3, "example_unrecognized_key"],
      [4, "message_missing_key"],
      [5, "message_unrecognized_key"],
      [6, "unrecognized_role"],
      [7, "missing_content"],
      [8, "example_missing_assistant_message"],
      [9, "invalid_weight"],
    ]);
  });

  it("accepts tool calls and the legacy function format, and checks their keys", () => {
    const tools = JSON.stringify({
      messages: [
        { role: "user", content: "weather?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "w", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "c1", content: "sunny" },
        { role: "assistant", content: "Sunny.", weight: 1 },
      ],
      tools: [{ type: "function", function: { name: "w", parameters: {} } }],
    });
    const legacy = JSON.stringify({
      messages: [
        { role: "user", content: "weather?" },
        { role: "assistant", content: null, function_call: { name: "w", arguments: "{}" } },
        { role: "function", name: "w", content: "sunny" },
        { role: "assistant", content: "Sunny." },
      ],
      functions: [{ name: "w", parameters: {} }],
    });
    const broken = JSON.stringify({
      messages: [
        { role: "user", content: "weather?" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", function: { name: "w" } }] },
        { role: "tool", content: "sunny" },
        { role: "assistant", content: "Sunny." },
      ],
    });
    expect(kinds([tools, legacy, broken])).toEqual([
      [3, "invalid_tool_call"],
      [3, "invalid_tool_call"],
    ]);
  });

  it("flags too few examples, over-long examples and blank lines", () => {
    const { report } = validate([chat(1), "", chat(2)], "supervised", { contextTokens: 20 });
    expect(report.blankLines).toBe(1);
    expect(report.countsByKind.too_long).toBe(2);
    expect(report.issues.find((i) => i.kind === "too_few_examples")?.line).toBeNull();
    expect(report.billedTokensPerEpoch).toBe(40);
  });

  it("caps the issues kept but keeps the counts exact", () => {
    const { report } = validate(
      Array.from({ length: 30 }, () => "{"),
      "supervised",
      { maxIssues: 5 },
    );
    expect(report.issues).toHaveLength(5);
    expect(report.issuesTruncated).toBe(true);
    expect(report.errorCount).toBe(30);
  });

  it("counts overlap with the training file", () => {
    const { run } = validate(good);
    const { report } = validate([good[0] ?? "", chat(99)], "supervised", { trainingHashes: run.hashes });
    expect(report.overlap).toBe(1);
    expect(report.issues.find((i) => i.kind === "overlap")?.line).toBe(1);
  });
});

describe("DPO", () => {
  const dpo = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      input: { messages: [{ role: "user", content: "Hi" }] },
      preferred_output: [{ role: "assistant", content: "Hello!" }],
      non_preferred_output: [{ role: "assistant", content: "What." }],
      ...over,
    });
  it("checks input, both outputs and text only", () => {
    const lines = [
      dpo(),
      dpo({ input: undefined }),
      dpo({ preferred_output: [{ role: "user", content: "x" }] }),
      dpo({ non_preferred_output: [] }),
      dpo({
        preferred_output: [{ role: "assistant", content: [{ type: "image_url", image_url: { url: "x" } }] }],
      }),
      chat(1),
    ];
    expect(kinds(lines, "dpo")).toEqual([
      [2, "dpo_missing_input"],
      [3, "dpo_invalid_output"],
      [4, "dpo_invalid_output"],
      [5, "dpo_not_text"],
      [6, "example_unrecognized_key"],
      [6, "dpo_missing_input"],
      [6, "dpo_invalid_output"],
      [6, "dpo_invalid_output"],
    ]);
  });
  it("counts the input with each output", () => {
    const { report } = validate([dpo()], "dpo");
    expect(report.perExample[0]).toBeGreaterThan(0);
  });
});

describe("reinforcement", () => {
  it("wants reference fields and a prompt at the end", () => {
    const ok = JSON.stringify({ messages: [{ role: "user", content: "2+2?" }], reference_answer: "4" });
    const noRef = JSON.stringify({ messages: [{ role: "user", content: "2+2?" }] });
    const endsAssistant = JSON.stringify({
      messages: [
        { role: "user", content: "2+2?" },
        { role: "assistant", content: "4" },
      ],
      reference_answer: "4",
    });
    expect(kinds([ok, noRef, endsAssistant], "reinforcement")).toEqual([
      [2, "reinforcement_no_reference"],
      [3, "reinforcement_ends_with_assistant"],
    ]);
  });
});

describe("content parts", () => {
  it("wants a string text in a text part", () => {
    const line = (text: unknown) =>
      JSON.stringify({
        messages: [
          { role: "user", content: [{ type: "text", text }] },
          { role: "assistant", content: "a" },
        ],
      });
    expect(kinds([line("hi")])).toEqual([]);
    expect(kinds([line({ x: 1 }), line(undefined)])).toEqual([
      [1, "missing_content"],
      [2, "missing_content"],
    ]);
  });
});

describe("many lines", () => {
  it("stops hashing past the cap and says the overlap check was partial", () => {
    const { report, run } = validate([...good, ...good.map((l) => ` ${l}`)], "supervised", {
      maxHashedLines: 5,
    });
    expect(run.hashes.size).toBe(5);
    expect(report.examples).toBe(24);
    expect(report.perExample).toBeInstanceOf(Float64Array);
    expect(report.perExample.length).toBe(24);
    expect(report.issues.filter((i) => i.kind === "overlap" && i.line === null)).toHaveLength(1);
  });
});

describe("hostile lines", () => {
  const user = { role: "user", content: "hi" };
  // Built as text: JSON.stringify of the nested object would itself overflow the stack.
  const deep = (n: number) =>
    `${'{"type":"object","properties":{"a":'.repeat(n)}{"type":"string"}${"}}".repeat(n)}`;
  const hostile = [
    // `String()` of an object whose toString is null throws.
    `{"messages":[${JSON.stringify(user)},{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":{"toString":null},"arguments":"{}"}}]}]}`,
    `{"messages":[${JSON.stringify(user)},{"role":"assistant","content":"a"}],"tools":[{"type":"function","function":{"name":"f","parameters":${deep(20_000)}}}]}`,
    JSON.stringify({
      messages: [user, { role: "assistant", content: "a" }],
      tools: [
        {
          type: "function",
          function: {
            name: "f",
            parameters: { type: "object", properties: { a: { type: "string", enum: [{ toString: null }] } } },
          },
        },
      ],
    }),
  ];
  it("reports each on its line and keeps going", () => {
    const { report } = validate([...good, ...hostile, chat(99)]);
    expect(report.lines).toBe(good.length + hostile.length + 1);
    const bad = report.issues.filter((i) => i.severity === "error").map((i) => i.line);
    expect(bad.every((l) => l !== null && l > good.length && l <= good.length + hostile.length)).toBe(true);
  });
});

describe("helpers", () => {
  it("picks epochs like the cookbook", () => {
    expect(autoEpochs(10)).toBe(10);
    expect(autoEpochs(1)).toBe(25);
    expect(autoEpochs(1000)).toBe(3);
    expect(autoEpochs(20_000)).toBe(1);
  });
  const bytes = (s: string) => new TextEncoder().encode(s);
  const split = (chunks: Uint8Array[], max?: number) => {
    const seen: [string, number, string?][] = [];
    const s = new LineSplitter((l, o, p) => seen.push(p ? [l, o, p] : [l, o]), max);
    for (const c of chunks) s.push(c);
    s.end();
    return seen;
  };
  it("splits chunks into lines with byte offsets", () => {
    expect(split([bytes('{"a":"é"}\n{"b"'), bytes(":1}\r\n\nlast")])).toEqual([
      ['{"a":"é"}', 0],
      ['{"b":1}\r', 11],
      ["", 20],
      ["last", 21],
    ]);
  });
  it("counts offsets in raw bytes past a BOM and invalid UTF-8, and reports the bad line", () => {
    const file = new Uint8Array([...bytes("\uFEFFab\n"), 0x61, 0xff, 0x62, ...bytes("\ncd\n")]);
    expect(split([file.subarray(0, 2), file.subarray(2)])).toEqual([
      ["ab", 0],
      ["", 6, "invalid_utf8"],
      ["cd", 10],
    ]);
  });
  it("splits a 50 MB line in linear time and drops it past the cap, keeping later offsets", () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < big.length; at += 65_536) chunks.push(big.subarray(at, at + 65_536));
    const start = performance.now();
    const seen = split([bytes("x\n"), ...chunks, bytes("\ny")]);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(seen).toEqual([
      ["x", 0],
      ["", 2, "line_too_long"],
      ["y", 2 + big.length + 1],
    ]);
  });
  it("reports unreadable lines as errors with their line numbers", () => {
    const run = new ValidationRun({ method: "supervised", contextTokens: 100, trainingPrice: null, count });
    run.addLine(good[0] ?? "", 0);
    run.addLine("", 100, "line_too_long");
    run.addLine("", 200, "invalid_utf8");
    const { issues, examples } = run.finish();
    expect(examples).toBe(3);
    expect(issues.filter((i) => i.line !== null).map((i) => [i.line, i.offset, i.kind])).toEqual([
      [2, 100, "line_too_long"],
      [3, 200, "invalid_utf8"],
    ]);
  });
  it("hashes stably", () => {
    expect(hashLine("abc")).toBe(hashLine("abc"));
    expect(hashLine("abc")).not.toBe(hashLine("abd"));
  });
});

describe("a validation file", () => {
  it("needs one example, not ten", () => {
    const { report } = validate([chat(1)], "supervised", { minExamples: 1 });
    expect(report.countsByKind.too_few_examples).toBeUndefined();
  });
});
