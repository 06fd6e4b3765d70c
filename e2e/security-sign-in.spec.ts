import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { E2E } from "./support/env";

/**
 * F3/F13 against the built server: node-entry.ts must stamp the TCP peer (replacing any forged copy),
 * and forwarding headers from a client that is not a trusted proxy must change nothing.
 */
const origin = E2E.consoleUrl;

test("forged peer and forwarding headers give neither Secure nor __Host-", async ({ request }) => {
  const res = await request.post("/api/auth/sign-in", {
    headers: { origin, "x-benchtop-peer": "for=6.6.6.6;proto=https", "x-forwarded-proto": "https" },
    data: { email: E2E.admin.email, password: E2E.admin.password },
  });
  expect(res.status()).toBe(200);
  const cookie = res.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^benchtop_session=/);
  expect(cookie).not.toMatch(/Secure/);
});

test("rotating X-Forwarded-For is still one address, and user:unlock --address lifts it", async ({
  request,
}) => {
  let refused: APIResponse | undefined;
  for (let i = 0; i < 40 && !refused; i++) {
    const res = await request.post("/api/auth/sign-in", {
      headers: { origin, "x-forwarded-for": `198.18.0.${i}` },
      data: { email: `spray-${i}@example.com`, password: "wrong-password-guess" },
    });
    if (res.status() === 429) refused = res;
    else expect(res.status()).toBe(401);
  }
  expect(refused, "spraying from one address was never slowed").toBeDefined();
  const body = (await refused?.json()) as { error: { message: string } };
  expect(body.error.message).toContain("from your address (127.0.0.1)");

  // The running server holds the embedded database, so this goes over the ops socket.
  cli("user:unlock", "--address", "127.0.0.1");
  const after = await request.post("/api/auth/sign-in", {
    headers: { origin },
    data: { email: E2E.admin.email, password: E2E.admin.password },
  });
  expect(after.status()).toBe(200);
});
