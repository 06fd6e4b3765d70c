import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness";

// Organization endpoints take OPENAI_ADMIN_KEY and never the normal key: without an admin key the
// proxy refuses them before any upstream call; with one, only admins reach them, with that key.
const ADMIN_KEY = "sk-admin-security-org-0123456789";
let stack: Stack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});
afterAll(() => {
  delete process.env.OPENAI_ADMIN_KEY;
});

const get = (s: Stack, token: string) =>
  fetch(`${s.proxyUrl}/api/v1/organization/usage/completions?start_time=0&limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe("organization endpoints", () => {
  it("are refused without an admin key, and nothing goes upstream", async () => {
    delete process.env.OPENAI_ADMIN_KEY;
    stack = await startStack();
    const res = await get(stack, stack.admin.token);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("admin_key_missing");
    expect(stack.emulator.state.log).toHaveLength(0);
  });

  it("go upstream with the admin key, for admins only", async () => {
    stack = await startStack({ OPENAI_ADMIN_KEY: ADMIN_KEY });
    expect((await get(stack, stack.member.token)).status).toBe(403);
    const res = await get(stack, stack.admin.token);
    expect(res.status).toBe(200);
    const [call] = stack.emulator.state.log;
    expect(call?.headers.authorization).toBe(`Bearer sk-…${ADMIN_KEY.slice(-4)}`);
    expect(stack.emulator.state.log).toHaveLength(1);
  });
});
