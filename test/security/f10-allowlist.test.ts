import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawHttp, type Stack, startStack } from "./harness";

// F10: families were matched with `in`, so prototype names were forwarded with the key; any method was.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const call = (path: string, method = "GET") =>
  fetch(`${stack.proxyUrl}/api/v1/${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.member.token}` },
  });

describe("F10 the proxy's allowlist", () => {
  it("prototype property names are unknown families, and nothing reaches the upstream", async () => {
    const before = stack.emulator.state.log.length;
    for (const name of [
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "valueOf",
      "__defineGetter__",
    ]) {
      const res = await call(name);
      expect(res.status, name).toBe(404);
      expect((await res.json()).error.code).toBe("unknown_path");
    }
    expect(stack.emulator.state.log.length).toBe(before);
  });

  it("only GET, POST and DELETE are forwarded; others get 405 with Allow", async () => {
    const before = stack.emulator.state.log.length;
    for (const method of ["OPTIONS", "PUT", "PATCH", "HEAD"]) {
      const res = await call("models", method);
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, POST, DELETE");
    }
    // Methods fetch() will not send.
    for (const method of ["PROPFIND", "TRACE", "CONNECTX", "M-SEARCH"]) {
      const out = await rawHttp(
        stack.proxyPort,
        `${method} /api/v1/models HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${stack.member.token}\r\nconnection: close\r\n\r\n`,
      );
      expect(out, method).toMatch(/^HTTP\/1\.1 (405|400)/);
    }
    expect(stack.emulator.state.log.length).toBe(before);
  });

  it("allowed methods still work", async () => {
    expect((await call("models")).status).toBe(200);
    // Not a file: deleting files is also subject to the owner rule (test/security/ownership.test.ts).
    expect((await call("responses/resp_missing", "DELETE")).status).toBe(404);
  });
});
