import { describe, expect, it } from "vitest";
import { scrubSecrets } from "./scrub";

const KEY = "sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ";
const mask = (k: string) => `sk-…${k.slice(-4)}`;
const scrub = (text: string) => scrubSecrets(text, [KEY], mask);

describe("scrubSecrets", () => {
  it("leaves text without the key alone, including the masked form and unrelated ids", () => {
    const text = '{"error":{"message":"Incorrect API key provided: sk-…F1hJ. req_0000000000000003"}}';
    expect(scrub(text)).toEqual({ text, withheld: false });
  });

  it("masks the key as is, percent-encoded, base64 at any alignment, base64url and hex", () => {
    const b64 = (prefix: string) => Buffer.from(prefix + KEY + "!").toString("base64");
    for (const text of [
      `key ${KEY} end`,
      `url ?k=${encodeURIComponent(KEY)}`,
      `basic ${b64("")}`,
      `basic ${b64("u")}`,
      `basic ${b64("us")}`,
      `b64url ${Buffer.from(KEY).toString("base64url")}`,
      `hex ${Buffer.from(KEY).toString("hex")}`,
    ]) {
      const r = scrub(text);
      expect(r.text + String(r.withheld)).not.toContain(KEY);
      expect(r.text).not.toContain(KEY.slice(8, 20));
      expect(r.text).not.toContain(Buffer.from(KEY).toString("hex").slice(10, 40));
    }
  });

  it("withholds a key split by white space, zero-width marks or punctuation, or JSON-escaped", () => {
    for (const text of [
      `{"message":"key ${KEY.slice(0, 20)}\\n${KEY.slice(20)}"}`,
      `key ${KEY.split("").join("\u200b")}`,
      `key ${KEY.slice(0, 15)} … ${KEY.slice(15)}`,
      `{"message":"${[...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"}`,
      `quoted in part: ${KEY.slice(10, 24)}`,
    ]) {
      expect(scrub(text)).toEqual({ text: "", withheld: true });
    }
  });

  it("withholds upper-case hex and a key percent-encoded byte by byte", () => {
    for (const text of [
      `hex ${Buffer.from(KEY).toString("hex").toUpperCase()}`,
      `url ${[...KEY].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join("")}`,
    ]) {
      expect(scrub(text)).toEqual({ text: "", withheld: true });
    }
  });

  it("masks a short secret where it stands whole, and leaves tiny ones alone", () => {
    expect(scrubSecrets("key ollama-1 bad", ["ollama-1"], () => "[key]")).toEqual({
      text: "key [key] bad",
      withheld: false,
    });
    expect(scrubSecrets("abc", ["abc"], mask)).toEqual({ text: "abc", withheld: false });
  });
});
