import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness";

// Review of F3: the proxy's fast path copied the raw request headers, so a client's own
// x-benchtop-peer replaced the stamped one there. Without CONSOLE_ORIGIN the scheme comes from it.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ CONSOLE_ORIGIN: "" });
}, 60_000);
afterAll(() => stack.close());

describe("F3: the peer header on the proxy's fast path", () => {
  it("a client's own x-benchtop-peer never reaches the proxy's request", async () => {
    const res = await fetch(`${stack.proxyUrl}/api/v1/models`, {
      headers: {
        cookie: `benchtop_session=${stack.member.session}`,
        // Forged https: the plain-named session cookie would then be ignored and the call refused.
        "x-benchtop-peer": "for=6.6.6.6;proto=https",
      },
    });
    expect(res.status).toBe(200);
  });
});
