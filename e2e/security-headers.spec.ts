import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { cspViolations, expect, test } from "./fixtures";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

/**
 * F7 (issue 9): security headers. A page on another port of the same host framed a signed-in admin's
 * Settings; pages, API responses and proxied file content carried no CSP, nosniff or referrer policy.
 */

const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const ORIGIN = { origin: E2E.consoleUrl };

function header(res: APIResponse, name: string): string[] {
  return res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === name)
    .map((h) => h.value);
}

/** The policy as directive → sources, after checking the header is there exactly once. */
function csp(res: APIResponse): Map<string, string[]> {
  const values = header(res, "content-security-policy");
  expect(values, `one CSP on ${res.url()}`).toHaveLength(1);
  const out = new Map<string, string[]>();
  for (const part of (values[0] ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

function expectApiHeaders(res: APIResponse) {
  expect(header(res, "x-content-type-options"), res.url()).toEqual(["nosniff"]);
  expect(header(res, "content-security-policy"), res.url()).toEqual([API_CSP]);
}

function expectPageHeaders(res: APIResponse, kind: "app" | "share"): string {
  const policy = csp(res);
  const script = policy.get("script-src") ?? [];
  const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1) ?? "";
  expect(nonce, "a nonce in script-src").toMatch(/^[A-Za-z0-9+/_-]{22,}={0,2}$/);
  expect(script).toContain("'strict-dynamic'");
  expect(script).toContain("'wasm-unsafe-eval'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  expect(policy.get("worker-src")).toEqual(["'self'"]);
  const img = policy.get("img-src") ?? [];
  if (kind === "share") expect(img).toEqual(["'self'", "data:", "blob:"]);
  else expect(img).toEqual(expect.arrayContaining(["'self'", "data:", "blob:", "https:"]));
  expect(header(res, "x-content-type-options")).toEqual(["nosniff"]);
  expect(header(res, "x-frame-options")).toEqual(["DENY"]);
  expect(header(res, "referrer-policy")).toEqual([
    kind === "share" ? "no-referrer" : "strict-origin-when-cross-origin",
  ]);
  expect(header(res, "permissions-policy")[0]).toContain("camera=()");
  return nonce;
}

/** Every <script> in the HTML carries the response's nonce: otherwise the page would not start. */
async function expectScriptsNonced(res: APIResponse, nonce: string) {
  const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
}

async function uploadFile(page: Page, name: string, mimeType: string, body: Buffer): Promise<string> {
  const res = await page.request.post("/api/v1/files", {
    headers: ORIGIN,
    multipart: { purpose: "user_data", file: { name, mimeType, buffer: body } },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

test("a page on another origin cannot frame a signed-in admin's Settings", async ({ page, signIn }) => {
  await signIn(page);
  // Another port of the same host: another origin but the same site, so the session cookie goes along.
  const attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(
      `<!doctype html><title>attacker</title><iframe id="f" src="${E2E.consoleUrl}/settings" onload="document.title='loaded'"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const evil = await page.context().newPage();
  try {
    const messages: string[] = [];
    evil.on("console", (m) => messages.push(m.text()));
    const framed = evil.waitForResponse((r) => new URL(r.url()).pathname === "/settings");
    await evil.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const res = await framed;
    expect(res.status()).toBe(200);
    await expect(evil).toHaveTitle("loaded");
    await expect(evil.frameLocator("#f").getByRole("heading", { name: "Settings" })).toHaveCount(0);
    await expect.poll(() => messages.join("\n")).toContain("frame-ancestors 'none'");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  } finally {
    await evil.close();
    attacker.close();
  }
});

test("pages carry a per-request nonce'd CSP that Next's scripts use, and the other headers", async ({
  page,
  signIn,
  request,
}) => {
  const signedOut = await request.get("/sign-in");
  expect(signedOut.status()).toBe(200);
  const first = expectPageHeaders(signedOut, "app");
  await expectScriptsNonced(signedOut, first);
  const again = expectPageHeaders(await request.get("/sign-in"), "app");
  expect(again, "a fresh nonce for every request").not.toBe(first);
  // Plain HTTP: no HSTS (browsers ignore it there, and it must not pin a console that has no TLS).
  expect(header(signedOut, "strict-transport-security")).toEqual([]);
  expect(header(signedOut, "content-security-policy")[0]).not.toContain("upgrade-insecure-requests");

  await signIn(page);
  for (const path of ["/playground", "/settings", "/files", "/tokenizer", "/usage"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    await expectScriptsNonced(res, expectPageHeaders(res, "app"));
  }

  // Behind a TLS-terminating proxy the request arrived over HTTPS: HSTS, and upgrades.
  const tls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(header(tls, "strict-transport-security")).toEqual(["max-age=31536000"]);
  expect(header(tls, "content-security-policy")[0]).toContain("upgrade-insecure-requests");

  // Static assets are outside the middleware; they still must not be sniffed.
  const script = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(await signedOut.text())?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(script ?? "");
  expect(asset.status()).toBe(200);
  expect(header(asset, "x-content-type-options")).toEqual(["nosniff"]);
});

test("console API responses are never documents: nosniff and a sandboxing CSP", async ({
  page,
  signIn,
  request,
}) => {
  expectApiHeaders(await request.get("/api/health"));
  const unauthenticated = await request.get("/api/me");
  expect(unauthenticated.status()).toBe(401);
  expectApiHeaders(unauthenticated);
  expectApiHeaders(await request.get("/api/no-such-route"));
  await signIn(page);
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expectApiHeaders(me);
});

test("proxy responses (served before Next) get the same headers: JSON, errors, streams", async ({
  page,
  signIn,
  request,
}) => {
  const unauthenticated = await request.get("/api/v1/models");
  expect(unauthenticated.status()).toBe(401);
  expectApiHeaders(unauthenticated);
  await signIn(page);
  const models = await page.request.get("/api/v1/models");
  expect(models.status()).toBe(200);
  expectApiHeaders(models);
  // A path the pages do not call in the background, so the fault is ours.
  await emulator.fault({ path: "/v1/batches", kind: "status", status: 500 });
  const failed = await page.request.get("/api/v1/batches");
  expect(failed.status()).toBe(500);
  expectApiHeaders(failed);
  const refused = await page.request.get("/api/v1/not-an-endpoint");
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expectApiHeaders(refused);
  const stream = await page.request.post("/api/v1/chat/completions", {
    headers: ORIGIN,
    data: { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "hi" }] },
  });
  expect(stream.headers()["content-type"]).toContain("text/event-stream");
  expectApiHeaders(stream);
});

test("proxied file content cannot run script on the console's origin, and previews still work", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const html = "<!doctype html><script>document.title='pwned'</script><p>hello from the file</p>";
  const name = `page-${Date.now()}.html`;
  const id = await uploadFile(page, name, "text/html", Buffer.from(html));
  const content = `/api/v1/files/${id}/content`;
  try {
    for (const type of [
      "text/html; charset=utf-8",
      "TEXT/HTML",
      "image/svg+xml",
      "application/xhtml+xml",
      "text/xml",
      "application/xml",
      "application/rss+xml",
      "text/javascript",
      "application/javascript",
      "application/ecmascript",
      "text/css",
      "text/xsl",
      "multipart/x-mixed-replace; boundary=x",
      "application/x-shockwave-flash",
      "text/html, image/png",
      "",
    ]) {
      await emulator.config({
        fileContentType: type,
        fileContentDisposition: 'inline; filename="x.html"',
      });
      const res = await page.request.get(content);
      expect(res.status(), type).toBe(200);
      expect(res.headers()["content-type"], type).toMatch(
        /^(text\/plain; charset=utf-8|application\/octet-stream)$/,
      );
      expect(header(res, "content-disposition"), type).toEqual(['attachment; filename="x.html"']);
      expectApiHeaders(res);
      expect(await res.text()).toBe(html);
    }

    // A filename that tries to break out of its quotes or inject parameters comes back inert.
    await emulator.config({
      fileContentType: "text/plain",
      fileContentDisposition: `attachment; filename="a\\"; x=y.html"; filename*=UTF-8''%22%3B%0D%0Ax.html`,
    });
    const hostile = await page.request.get(content);
    const disposition = header(hostile, "content-disposition");
    expect(disposition).toHaveLength(1);
    expect(disposition[0]).toMatch(
      /^attachment; filename="[A-Za-z0-9._ ()+,-]+"(; filename\*=UTF-8''[A-Za-z0-9%._~-]+)?$/,
    );
    expect(disposition[0]).not.toMatch(/%0D|%0A|%22|%3B/i);

    // Types that cannot run script pass as they are, so downloads and image previews keep theirs.
    for (const type of ["image/png", "application/jsonl", "text/csv; charset=utf-8", "audio/mpeg"]) {
      await emulator.config({ fileContentType: type, fileContentDisposition: null });
      const res = await page.request.get(content);
      expect(res.headers()["content-type"]).toBe(type);
      expect(header(res, "content-disposition")[0]).toMatch(/^attachment; filename="page-\d+\.html"$/);
      expectApiHeaders(res);
    }

    // The Files page previews the text through fetch, whatever the upstream called it.
    await emulator.config({ fileContentType: "text/html", fileContentDisposition: null });
    await page.goto("/files");
    await page.getByTestId("file-row").filter({ hasText: name }).getByRole("button", { name }).click();
    await expect(page.getByTestId("file-preview")).toContainText("hello from the file");
    await expect(page).not.toHaveTitle("pwned");
  } finally {
    await emulator.config({ fileContentType: null, fileContentDisposition: null });
  }
});

test("the Files page still previews an image through the proxy", async ({ page, signIn }) => {
  await signIn(page);
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  const name = `dot-${Date.now()}.png`;
  await uploadFile(page, name, "image/png", png);
  // As OpenAI serves it (application/octet-stream), and as image/png.
  for (const type of [null, "image/png"]) {
    await emulator.config({ fileContentType: type });
    await page.goto("/files");
    await page.getByTestId("file-row").filter({ hasText: name }).getByRole("button", { name }).click();
    const img = page.getByRole("img", { name: `Preview of ${name}` });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);
  }
  await emulator.config({ fileContentType: null });
});

test("share pages: images only from the snapshot, no referrer, and the token view still runs", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const created = await page.request.post("/api/shares", {
    headers: ORIGIN,
    data: {
      kind: "tokenizer",
      title: "Headers check",
      snapshot: { version: 1, mode: "text", encoding: "o200k_base", model: "gpt-4o", text: "hello world" },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { share } = (await created.json()) as { share: { id: string } };
  const path = `/s/${share.id}`;
  const res = await page.request.get(path);
  expect(res.status()).toBe(200);
  await expectScriptsNonced(res, expectPageHeaders(res, "share"));

  // The tokenizer's WASM worker runs under the share page's policy (the fixture fails on any violation).
  await page.goto(path);
  await expect(page.getByTestId("shared-tokenizer")).toBeVisible();
  await expect(page.getByTestId("token-stats")).toHaveAttribute("data-pending", "false", { timeout: 30_000 });
  await expect(page.getByTestId("stat-tokens")).toContainText("2");

  // A remote image (a tracking pixel) is refused here, and the fixtures' CSP check sees the refusal.
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "https://tracker.example/pixel.png";
    document.body.append(img);
  });
  await expect.poll(() => cspViolations(page).join("\n")).toContain("img-src");
  cspViolations(page).length = 0;
});
