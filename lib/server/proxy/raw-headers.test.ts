import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "../peer";
import { RawRequestHeaders } from "./raw-headers";

const RAW = [
  "Content-Type",
  "application/json",
  "AUTHORIZATION",
  "Bearer a",
  "authorization",
  "Bearer b",
  "Accept",
  "  text/event-stream\t",
  "X-Empty",
  "",
  PEER_HEADER,
  "for=6.6.6.6;proto=https",
  "OpenAI-Beta",
  "assistants=v2",
];

/** What node.ts built before: a web Headers of every raw header but the client's peer header. */
function reference(raw: string[], peer: string | undefined): Headers {
  const h = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== PEER_HEADER) h.append(raw[i] ?? "", raw[i + 1] ?? "");
  }
  if (peer !== undefined) h.set(PEER_HEADER, peer);
  return h;
}

describe("RawRequestHeaders", () => {
  const names = ["content-type", "Authorization", "accept", "x-empty", "openai-beta", "cookie", PEER_HEADER];

  it.each([["for=127.0.0.1;proto=http"], [undefined]])(
    "reads as a Headers built from the raw headers (peer %s)",
    (peer) => {
      const view = new RawRequestHeaders(RAW, peer);
      const ref = reference(RAW, peer);
      for (const n of names) {
        expect(view.get(n)).toBe(ref.get(n));
        expect(view.has(n)).toBe(ref.has(n));
      }
      // Repeats are joined, so a second bearer can never be ignored.
      expect(view.get("authorization")).toBe("Bearer a, Bearer b");
    },
  );

  it("never shows the client's own peer header", () => {
    expect(new RawRequestHeaders(RAW, undefined).get(PEER_HEADER)).toBeNull();
  });

  it("delegates everything else to the same Headers, mutations included", () => {
    const view = new RawRequestHeaders(RAW, "for=127.0.0.1;proto=http");
    expect([...view]).toEqual([...reference(RAW, "for=127.0.0.1;proto=http")]);
    view.set("accept", "application/json");
    expect(view.get("accept")).toBe("application/json");
  });
});
