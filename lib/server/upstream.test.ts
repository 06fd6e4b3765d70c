import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "./config";
import { checkConnection, upstreamInfo } from "./upstream";

const KEY = "sk-proj-unit-test-key-9876abcd";
let server: http.Server;
let base: string;
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(answer.status, { "content-type": "application/json", "x-request-id": "req_check" });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => {
  server.close();
});

function configure(env: Record<string, string | undefined>) {
  for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID"]) delete process.env[k];
  // DATABASE_URL may be set (the suite also runs on Postgres), and then config requires a secret.
  Object.assign(process.env, { CONSOLE_SECRET: "s".repeat(40) }, env);
  resetConfigForTests();
}

const err = (code: string | null, message = "nope") => ({
  error: { message, type: "invalid_request_error", param: null, code },
});

describe("connection check", () => {
  it("reports success with the model count", async () => {
    configure({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: base });
    answer = {
      status: 200,
      body: {
        object: "list",
        data: [
          { id: "b", object: "model", created: 0, owned_by: "x" },
          { id: "a", object: "model", created: 0, owned_by: "x" },
        ],
      },
    };
    const r = await checkConnection();
    expect(r).toMatchObject({
      ok: true,
      status: 200,
      modelCount: 2,
      sampleModels: ["a", "b"],
      requestId: "req_check",
    });
  });

  it.each([
    [
      401,
      err("invalid_api_key", `Incorrect API key provided: ${KEY}`),
      "The API key was rejected",
      "OPENAI_API_KEY",
    ],
    [403, err("unsupported_country_region_territory"), "Access denied", "region"],
    [404, err(null), "Models endpoint not found", "/v1"],
    [429, err("rate_limit_exceeded"), "Rate limited", "Wait"],
    [
      429,
      { error: { message: "quota", type: "insufficient_quota", param: null, code: "insufficient_quota" } },
      "Quota exhausted",
      "billing",
    ],
    [500, err("server_error"), "Upstream error (HTTP 500)", "status page"],
  ])("explains HTTP %i", async (status, body, title, hint) => {
    configure({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: base });
    answer = { status, body };
    const r = await checkConnection();
    expect(r.ok).toBe(false);
    expect(r.status).toBe(status);
    expect(r.diagnosis?.title).toBe(title);
    expect(r.diagnosis?.detail).toContain(hint);
    expect(JSON.stringify(r)).not.toContain(KEY);
  });

  it("explains a network failure and names the host", async () => {
    configure({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: "http://127.0.0.1:9/v1" });
    const r = await checkConnection();
    expect(r.ok).toBe(false);
    expect(r.diagnosis?.code).toBe("upstream_unreachable");
    expect(r.diagnosis?.title).toContain("127.0.0.1:9");
  });

  it("says how to connect a key when there is none", async () => {
    configure({ OPENAI_BASE_URL: base });
    const r = await checkConnection();
    expect(r.diagnosis?.code).toBe("api_key_missing");
    expect(r.diagnosis?.detail).toContain("OPENAI_API_KEY");
  });

  it("shows the key masked and nothing more", () => {
    configure({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: base, OPENAI_ORG_ID: "org-1" });
    const info = upstreamInfo();
    expect(info.keyMasked).toBe("sk-…abcd");
    expect(info.orgId).toBe("org-1");
    expect(JSON.stringify(info)).not.toContain(KEY);
  });
});
