import { describe, expect, it } from "vitest";
import { JsonPruner } from "./json-prune";

const enc = new TextEncoder();

function prune(text: string, chunk: number) {
  const p = new JsonPruner();
  const bytes = enc.encode(text);
  for (let i = 0; i < bytes.length; i += chunk) p.push(bytes.subarray(i, i + chunk));
  return p.finish();
}

describe("JsonPruner", () => {
  const sample = {
    id: "x",
    n: -1.5e3,
    ok: true,
    none: null,
    text: 'quote " backslash \\ unicode \u00e9 👋 \n',
    nested: { a: [1, 2, { b: "c" }], e: {} },
    empty: [],
  };

  it.each([1, 2, 3, 7, 1000])("keeps small JSON as it was, whatever the chunking (%i bytes)", (chunk) => {
    expect(prune(JSON.stringify(sample, null, 2), chunk).value).toEqual(sample);
  });

  it("drops long strings, keeps what comes after them, and counts top-level arrays", () => {
    const big = "A".repeat(3_000_000);
    const body = JSON.stringify({
      created: 1,
      data: [{ b64_json: big, revised_prompt: "short" }, { b64_json: `${big}\\"` }],
      usage: { input_tokens: 5, output_tokens: 7 },
    });
    const r = prune(body, 65_536);
    expect(r.value).toEqual({
      created: 1,
      data: [{ b64_json: "", revised_prompt: "short" }, { b64_json: "" }],
      usage: { input_tokens: 5, output_tokens: 7 },
    });
    expect(r.lengths.data).toBe(2);
  });

  it("keeps the first 16 elements of an array and counts them all", () => {
    const r = prune(
      JSON.stringify({ data: Array.from({ length: 1000 }, (_, i) => [i, `s${i}`]), after: 1 }),
      100,
    );
    const v = r.value as { data: unknown[]; after: number };
    expect(v.data).toHaveLength(16);
    expect(v.data[15]).toEqual([15, "s15"]);
    expect(v.after).toBe(1);
    expect(r.lengths.data).toBe(1000);
  });

  it("an escaped quote split across chunks does not end the string", () => {
    const text = JSON.stringify({ a: 'x\\"y"z', b: 2 });
    for (let c = 1; c < text.length; c++) expect(prune(text, c).value).toEqual({ a: 'x\\"y"z', b: 2 });
  });

  it("gives null for what is not one JSON value", () => {
    expect(prune("not json", 3).value).toBeNull();
    expect(prune('{"a":', 3).value).toBeNull();
    expect(prune("[DONE]", 3).value).toBeNull();
    expect(prune("", 3).value).toBeNull();
  });
});
