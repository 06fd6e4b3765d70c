import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertNoKey, rawHttp, type Stack, startStack } from "./harness";

// F1: on GET the proxy forwarded the client's Content-Length without a body, so the upstream read the
// next request on the pooled connection as that body, and a header value became a request of its own.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const upstreamPaths = () => stack.emulator.state.log.map((r) => `${r.method} ${r.path}${r.query}`);

function request(lines: string[], body = ""): string {
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

describe("F1 request smuggling through the proxy", () => {
  it("the exact repro: Content-Length on GET never reaches the upstream, and a header value never becomes a request", async () => {
    const prefix = "GET /models HTTP/1.1\r\nx-client-request-id: ";
    const auth = `authorization: Bearer ${stack.member.token}`;
    const before = stack.emulator.state.log.length;
    // Two requests on one client connection, as the attacker sent them.
    const out = await rawHttp(
      stack.proxyPort,
      request(
        ["GET /api/v1/models HTTP/1.1", "host: 127.0.0.1", auth, `content-length: ${prefix.length}`],
        prefix,
      ) +
        request([
          "GET /api/v1/models HTTP/1.1",
          "host: 127.0.0.1",
          auth,
          "x-client-request-id: GET /assistants?smuggled=1 HTTP/1.1",
        ]),
      1500,
    );
    assertNoKey(out);
    const seen = upstreamPaths().slice(before);
    expect(seen.some((p) => p.includes("smuggled") || p.includes("assistants"))).toBe(false);
    for (const r of stack.emulator.state.log.slice(before)) {
      expect(r.headers["content-length"], `${r.method} ${r.path}`).toBeUndefined();
      expect(r.headers["transfer-encoding"]).toBeUndefined();
    }
  });

  it("a header value outside the strict character set is refused, not forwarded", async () => {
    const before = stack.emulator.state.log.length;
    const out = await rawHttp(
      stack.proxyPort,
      request([
        "GET /api/v1/models HTTP/1.1",
        "host: 127.0.0.1",
        `authorization: Bearer ${stack.member.token}`,
        "x-client-request-id: GET /assistants?smuggled=1 HTTP/1.1",
        "connection: close",
      ]),
    );
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(out).toContain("x-client-request-id");
    expect(stack.emulator.state.log.length).toBe(before);
  });

  it("Transfer-Encoding from the client is never forwarded; the body is re-framed by the proxy", async () => {
    const before = stack.emulator.state.log.length;
    const body = JSON.stringify({ input: "hello", model: "text-embedding-3-small" });
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const out = await rawHttp(
      stack.proxyPort,
      request(
        [
          "POST /api/v1/embeddings HTTP/1.1",
          "host: 127.0.0.1",
          `authorization: Bearer ${stack.member.token}`,
          "content-type: application/json",
          "transfer-encoding: chunked",
          "connection: close",
        ],
        chunked,
      ),
      1500,
    );
    expect(out).toMatch(/^HTTP\/1\.1 200/);
    const [logged] = stack.emulator.state.log.slice(before);
    expect(logged?.path).toBe("/v1/embeddings");
    expect(logged?.rawBody).toBe(body);
  });

  it("a body on GET or DELETE is never forwarded", async () => {
    for (const method of ["GET", "DELETE"]) {
      const before = stack.emulator.state.log.length;
      const path = method === "GET" ? "/api/v1/models" : "/api/v1/files/file-nope";
      const smuggled = "GET /v1/models HTTP/1.1\r\nhost: x\r\n\r\n";
      await rawHttp(
        stack.proxyPort,
        request(
          [
            `${method} ${path} HTTP/1.1`,
            "host: 127.0.0.1",
            `authorization: Bearer ${stack.member.token}`,
            `content-length: ${smuggled.length}`,
            "connection: close",
          ],
          smuggled,
        ),
        800,
      );
      const seen = stack.emulator.state.log.slice(before);
      expect(seen.length, `${method}: ${seen.map((r) => r.path).join(", ")}`).toBeLessThanOrEqual(1);
      expect(seen[0]?.headers["content-length"]).toBeUndefined();
    }
  });

  it("nothing from the query can break the request line", async () => {
    const before = stack.emulator.state.log.length;
    const out = await rawHttp(
      stack.proxyPort,
      request([
        "GET /api/v1/models?x=1%20HTTP/1.1%0d%0aX:%20y HTTP/1.1",
        "host: 127.0.0.1",
        `authorization: Bearer ${stack.member.token}`,
        "connection: close",
      ]),
    );
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(stack.emulator.state.log.length).toBe(before);
  });
});
