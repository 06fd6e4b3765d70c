import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { asBrowser, type Stack, startStack } from "./harness";

/**
 * F7 (issue 9): API and proxy responses are data, never documents, and proxied file content cannot
 * run script on the console's origin. Pages, framing and Next's own responses are in
 * e2e/security-headers.spec.ts.
 */

const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

function expectApiHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toBe(API_CSP);
}

async function upload(name: string, body: string): Promise<string> {
  const form = new FormData();
  form.set("purpose", "user_data");
  form.set("file", new Blob([body], { type: "text/html" }), name);
  const res = await fetch(`${stack.proxyUrl}/api/v1/files`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.member.token}` },
    body: form,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function content(id: string, type: string | undefined, disposition?: string): Promise<Response> {
  stack.emulator.state.config.fileContentType = type;
  stack.emulator.state.config.fileContentDisposition = disposition;
  try {
    return await fetch(`${stack.proxyUrl}/api/v1/files/${id}/content`, {
      headers: { authorization: `Bearer ${stack.member.token}` },
    });
  } finally {
    stack.emulator.state.config.fileContentType = undefined;
    stack.emulator.state.config.fileContentDisposition = undefined;
  }
}

describe("F7: proxied file content", () => {
  const html = "<!doctype html><script>alert(document.cookie)</script>";

  it.each([
    "text/html",
    "text/html; charset=utf-8",
    "Text/HTML",
    "image/svg+xml",
    "application/xhtml+xml",
    "text/xml",
    "application/xml",
    "application/atom+xml",
    "text/javascript",
    "application/javascript",
    "application/x-javascript",
    "text/css",
    "multipart/x-mixed-replace; boundary=b",
    "application/x-shockwave-flash",
    "text/html;json",
    "application/json-but-not, text/html",
  ])("an upstream %j is served with a type that cannot run script", async (type) => {
    const id = await upload("page.html", html);
    const res = await content(id, type, "inline");
    expect(res.status).toBe(200);
    expect(["text/plain; charset=utf-8", "application/octet-stream"]).toContain(
      res.headers.get("content-type"),
    );
    expect(res.headers.get("content-disposition")).toBe("attachment");
    expectApiHeaders(res);
    expect(await res.text()).toBe(html);
  });

  it("keeps inert types as they are, so downloads and image previews keep theirs", async () => {
    const id = await upload("data.jsonl", '{"a":1}\n');
    for (const type of [
      "application/octet-stream",
      "application/jsonl",
      "text/plain; charset=utf-8",
      "image/png",
      "audio/mpeg",
    ]) {
      const res = await content(id, type);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="data.jsonl"');
      expectApiHeaders(res);
      await res.arrayBuffer();
    }
  });

  it.each([
    ['inline; filename="x.html"', 'attachment; filename="x.html"'],
    [
      'attachment; filename="a\\"; x=y.html"',
      `attachment; filename="a__ x_y.html"; filename*=UTF-8''a__%20x%3Dy.html`,
    ],
    [`attachment; filename*=UTF-8''%22%3B%0D%0Aevil.html`, 'attachment; filename="____evil.html"'],
    ['attachment; filename="../../etc/passwd"', 'attachment; filename="_.._etc_passwd"'],
    [`attachment; filename*=UTF-8''report%E2%80%AEfdp.exe`, `attachment; filename="report_fdp.exe"`],
    [
      `attachment; filename*=UTF-8''%E3%83%87%E3%83%BC%E3%82%BF.jsonl`,
      `attachment; filename="___.jsonl"; filename*=UTF-8''%E3%83%87%E3%83%BC%E3%82%BF.jsonl`,
    ],
    [`attachment; filename*=UTF-8''%FF%FE; filename="plain.txt"`, 'attachment; filename="plain.txt"'],
    ['attachment; filename="..."', "attachment"],
  ])("upstream disposition %j comes back as %j", async (upstream, expected) => {
    const id = await upload("f.txt", "x");
    const res = await content(id, "text/plain", upstream);
    expect(res.headers.get("content-disposition")).toBe(expected);
    await res.arrayBuffer();
  });
});

describe("F7: API responses are never documents", () => {
  it("proxy JSON, proxy errors and streams carry nosniff and a sandboxing CSP", async () => {
    const auth = { authorization: `Bearer ${stack.member.token}` };
    const models = await fetch(`${stack.proxyUrl}/api/v1/models`, { headers: auth });
    expect(models.status).toBe(200);
    expectApiHeaders(models);
    expect(models.headers.get("content-disposition")).toBeNull();
    await models.arrayBuffer();

    const anonymous = await fetch(`${stack.proxyUrl}/api/v1/models`);
    expect(anonymous.status).toBe(401);
    expectApiHeaders(anonymous);
    await anonymous.arrayBuffer();

    stack.emulator.state.faults.push({ id: "f", kind: "status", status: 500, times: 1, path: "/v1/models" });
    const failed = await fetch(`${stack.proxyUrl}/api/v1/models`, { headers: auth });
    expect(failed.status).toBe(500);
    expectApiHeaders(failed);
    await failed.arrayBuffer();

    const stream = await fetch(`${stack.proxyUrl}/api/v1/chat/completions`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({
        model: "gpt-4o-mini",
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      }),
    });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expectApiHeaders(stream);
    expect(stream.headers.get("content-disposition")).toBeNull();
    await stream.text();
  });

  it("console routes, and their errors, carry them too", async () => {
    const ok = await me(asBrowser(stack.admin, "/api/me"), undefined);
    expect(ok.status).toBe(200);
    expectApiHeaders(ok);
    const anonymous = await me(new Request("http://console.test/api/me"), undefined);
    expect(anonymous.status).toBe(401);
    expectApiHeaders(anonymous);
  });
});
