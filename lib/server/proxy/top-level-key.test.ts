import { describe, expect, it } from "vitest";
import { TopLevelKeyScanner } from "./top-level-key";

/** Whether the scanner finds `prompt`, the text fed whole and split at every position. */
function scan(text: string): boolean {
  const bytes = Buffer.from(text);
  const whole = new TopLevelKeyScanner("prompt").push(bytes);
  for (let i = 1; i < bytes.length; i++) {
    const s = new TopLevelKeyScanner("prompt");
    s.push(bytes.subarray(0, i));
    expect(s.push(bytes.subarray(i)), `split at ${i}`).toBe(whole);
  }
  // Byte by byte, too.
  const s = new TopLevelKeyScanner("prompt");
  let found = false;
  for (const b of bytes) found = s.push(Uint8Array.of(b));
  expect(found).toBe(whole);
  return whole;
}

describe("TopLevelKeyScanner", () => {
  it.each([
    '{"prompt":{"id":"a"}}',
    '{"model":"m","prompt":null}',
    ' { "input" : [1, {"a":"}"}] ,\n "prompt" : 1 }',
    '{"input":"\\"prompt\\"","prompt":1}',
    '{"pr\\u006fmpt":1}',
    '{"a":{"b":[{"c":"]"}]},"prompt":1}',
  ])("finds the top-level key in %s", (text) => {
    expect(scan(text)).toBe(true);
  });

  it.each([
    '{"model":"m","input":"prompt"}',
    '{"input":[{"prompt":1}]}',
    '{"metadata":{"prompt":"x"}}',
    '{"input":"say \\"prompt\\": now"}',
    '[{"prompt":1}]',
    '{"prompts":1,"xprompt":2}',
    '{"input":"{\\"prompt\\":1}"}',
    `{"${"k".repeat(200)}":1}`,
    '"prompt"',
  ])("does not find it in %s", (text) => {
    expect(scan(text)).toBe(false);
  });

  it("skips through long strings with escapes and keeps its place", () => {
    const long = `${"a".repeat(300)}\\\\\\"{\\"prompt\\":1}${"b".repeat(300)}`;
    expect(scan(`{"input":"${long}","prompt":1}`)).toBe(true);
    expect(scan(`{"input":"${long}","x":{"prompt":1}}`)).toBe(false);
    expect(scan(`{"input":["${long}","${long}"],"prompt":1}`)).toBe(true);
  });

  it("stays found once found", () => {
    const s = new TopLevelKeyScanner("prompt");
    expect(s.push(Buffer.from('{"prompt":'))).toBe(true);
    expect(s.push(Buffer.from("1}"))).toBe(true);
  });

  it("handles non-ASCII keys and values", () => {
    expect(scan('{"é":"☃","prompt":1}')).toBe(true);
    expect(scan('{"prömpt":1}')).toBe(false);
  });
});

describe("TopLevelKeyScanner counting", () => {
  it("with `all`, counts every top-level sighting and none nested", () => {
    const count = (text: string) => {
      const s = new TopLevelKeyScanner("model", true);
      s.push(Buffer.from(text));
      return s.count;
    };
    expect(count('{"model":"a","input":"x"}')).toBe(1);
    expect(count('{"metadata":{"model":"a"},"model":"b"}')).toBe(1);
    expect(count('{"model":"a","input":"x","mod\\u0065l":"b"}')).toBe(2);
    expect(count('{"input":"x"}')).toBe(0);
  });
});
