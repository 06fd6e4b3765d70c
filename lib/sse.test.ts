import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

const enc = new TextEncoder();

function parseInChunks(text: string, size: number) {
  const p = new SseParser();
  const bytes = enc.encode(text);
  const out = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...p.push(bytes.slice(i, i + size)));
  out.push(...p.end());
  return out;
}

describe("SseParser", () => {
  it("keeps an emoji split across chunks whole", () => {
    const text = 'data: {"t":"a👩🏽‍💻b"}\n\n';
    for (let size = 1; size < 8; size++) {
      expect(parseInChunks(text, size)).toEqual([{ event: null, data: '{"t":"a👩🏽‍💻b"}', id: null }]);
    }
  });

  it("accepts CRLF and CR line ends, even split between chunks", () => {
    const text = "event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r";
    for (let size = 1; size < 5; size++) {
      expect(parseInChunks(text, size).map((e) => [e.event, e.data])).toEqual([
        ["a", "1"],
        ["b", "2"],
      ]);
    }
  });

  it("joins multi-line data, skips comments and empty events", () => {
    const out = parseInChunks(": keep-alive\n\ndata: line1\ndata: line2\nid: 7\n\n\n\n", 3);
    expect(out).toEqual([{ event: null, data: "line1\nline2", id: "7" }]);
  });

  it("flushes a last event without its blank line", () => {
    expect(parseInChunks("data: [DONE]", 4)).toEqual([{ event: null, data: "[DONE]", id: null }]);
  });

  it("takes values without a space after the colon", () => {
    expect(parseInChunks("data:x\nevent:y\n\n", 100)).toEqual([{ event: "y", data: "x", id: null }]);
  });
});
