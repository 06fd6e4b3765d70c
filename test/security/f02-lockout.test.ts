import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { createUser } from "@/lib/server/auth/users";
import { getDb } from "@/lib/server/db";
import { runCommand } from "@/lib/server/ops/commands";
import { asBrowser, fromAddress, ORIGIN, type Stack, startStack } from "./harness";

const signIn = (req: Request) => signInRoute(req, {});

/**
 * F2: five wrong passwords from anywhere locked an email for 15 minutes (the right password
 * included), renewable forever, and nothing but waiting lifted it.
 */
const PASSWORD = "correct-horse-battery";
const STRANGER = "203.0.113.9";
const OWNER_HOME = "198.51.100.7";

let stack: Stack;
let n = 0;

beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack.close());
beforeEach(async () => {
  await (await getDb()).query("delete from sign_in_throttle");
});

const freshUser = () => createUser({ email: `f02-${++n}@security.test`, password: PASSWORD, role: "member" });

function attempt(email: string, password: string, address: string): Promise<Response> {
  return signIn(
    new Request(`${ORIGIN}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", ...fromAddress(address) },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function failUntilRefused(email: string, address: string): Promise<Response> {
  for (let i = 0; i < 20; i++) {
    const res = await attempt(email, "wrong-password-guess", address);
    if (res.status === 429) return res;
    expect(res.status).toBe(401);
  }
  throw new Error("never throttled");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("F2: nobody can lock someone else out", () => {
  it("attempts sent in parallel from one address are checked one at a time (review of the fix)", async () => {
    const owner = await freshUser();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => attempt(owner.email, "wrong-password-guess", STRANGER)),
    );
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(2);
    const busy = results.find((r) => r.status === 429);
    expect((await busy?.json())?.error.code).toBe("sign_in_in_progress");
  });

  it("strangers behind the owner's own address cannot keep the owner out (review of the fix)", async () => {
    const owner = await freshUser();
    expect((await attempt(owner.email, PASSWORD, STRANGER)).status).toBe(200);
    // Someone at the same (office) address sprays other accounts past the address-wide delay.
    for (let i = 0; i < 30; i++) await attempt(`nobody-${i}@security.test`, "wrong-guess", STRANGER);
    expect((await attempt("nobody-x@security.test", "wrong-guess", STRANGER)).status).toBe(429);
    expect((await attempt(owner.email, PASSWORD, STRANGER)).status).toBe(200);
  });

  it("a stranger failing from elsewhere does not keep the owner out", async () => {
    const owner = await freshUser();
    const refused = await failUntilRefused(owner.email, STRANGER);
    expect(refused.status).toBe(429);
    for (let i = 0; i < 5; i++) await attempt(owner.email, "wrong-password-guess", STRANGER);
    expect((await attempt(owner.email, PASSWORD, OWNER_HOME)).status).toBe(200);
  });

  it("delays grow after a few free tries, refusals do not renew them, and the message says how long", async () => {
    const owner = await freshUser();
    for (let i = 0; i < 5; i++)
      expect((await attempt(owner.email, "wrong-guess-no", STRANGER)).status).toBe(401);
    // The sixth is still checked; it starts the first delay.
    expect((await attempt(owner.email, "wrong-guess-no", STRANGER)).status).toBe(401);
    const first = await attempt(owner.email, PASSWORD, STRANGER);
    expect(first.status).toBe(429); // even the right password: a throttle that answered it would be an oracle
    expect(first.headers.get("retry-after")).toBe("1");
    const body = (await first.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe("sign_in_throttled");
    expect(body.error.message).toMatch(/Try again in 1 second\b/);
    expect(body.error.message).toMatch(/admin/);
    // Hammering during the delay is refused without being counted.
    for (let i = 0; i < 10; i++)
      expect((await attempt(owner.email, "x-wrong-guess", STRANGER)).status).toBe(429);
    await sleep(1200);
    expect((await attempt(owner.email, "wrong-guess-no", STRANGER)).status).toBe(401);
    const second = await attempt(owner.email, "wrong-guess-no", STRANGER);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("2");
  });

  it("a distributed attack slows the account only mildly, and never from an address the owner signed in from", async () => {
    const owner = await freshUser();
    expect((await attempt(owner.email, PASSWORD, OWNER_HOME)).status).toBe(200);
    for (let i = 1; i <= 30; i++) await attempt(owner.email, "wrong-guess-no", `192.0.2.${i}`);
    const fromNewPlace = await attempt(owner.email, PASSWORD, "100.64.0.1");
    expect(fromNewPlace.status).toBe(429);
    expect(Number(fromNewPlace.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    expect(((await fromNewPlace.json()) as { error: { message: string } }).error.message).toMatch(/admin/);
    expect((await attempt(owner.email, PASSWORD, OWNER_HOME)).status).toBe(200);
  });
});

describe("F2: admins lift the throttle", () => {
  it("a password reset in Settings (PATCH /api/users/[id]) lifts it", async () => {
    const owner = await freshUser();
    await failUntilRefused(owner.email, OWNER_HOME);
    const res = await patchUser(
      asBrowser(stack.admin, `/api/users/${owner.id}`, {
        method: "PATCH",
        body: JSON.stringify({ password: "a-brand-new-password" }),
      }),
      { params: Promise.resolve({ id: owner.id }) },
    );
    expect(res.status).toBe(200);
    expect((await attempt(owner.email, "a-brand-new-password", OWNER_HOME)).status).toBe(200);
  });

  it("the CLI's user:set-password lifts it", async () => {
    const owner = await freshUser();
    await failUntilRefused(owner.email, OWNER_HOME);
    await runCommand("user:set-password", { email: owner.email, password: "another-new-password" });
    expect((await attempt(owner.email, "another-new-password", OWNER_HOME)).status).toBe(200);
  });

  it("user:unlock --email lifts it without changing the password, for every address and account-wide", async () => {
    const owner = await freshUser();
    await failUntilRefused(owner.email, OWNER_HOME);
    for (let i = 1; i <= 30; i++) await attempt(owner.email, "wrong-guess-no", `192.0.2.${i}`);
    expect((await attempt(owner.email, PASSWORD, "100.64.0.2")).status).toBe(429);
    await runCommand("user:unlock", { email: owner.email.toUpperCase() });
    expect((await attempt(owner.email, PASSWORD, OWNER_HOME)).status).toBe(200);
    expect((await attempt(owner.email, PASSWORD, "100.64.0.2")).status).toBe(200);
  });

  it("user:unlock says so when there is no such user", async () => {
    await expect(runCommand("user:unlock", { email: "nobody@security.test" })).rejects.toMatchObject({
      status: 404,
    });
  });
});
