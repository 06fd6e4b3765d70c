import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_LIMITS } from "@/lib/budgets/types";
import { headroomFor, setLimits } from "@/lib/server/budgets";
import { getDb } from "@/lib/server/db";
import { KEY, ORIGIN, type Stack, startStack } from "./harness";

/**
 * Two console processes on one PostgreSQL enforce one budget together: the reservation is atomic
 * in the database, so neither can admit the last dollar the other already holds. Needs
 * DATABASE_URL (CI runs the suite on PostgreSQL; PGlite is one process by design).
 */
const url = process.env.DATABASE_URL;
let stack: Stack;
const children: ChildProcess[] = [];
const ports: number[] = [];

function startInstance(databaseUrl: string): Promise<number> {
  const root = path.resolve(__dirname, "../..");
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", path.join(__dirname, "budgets-instance.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: stack.emulator.url,
        CONSOLE_SECRET: "s".repeat(40),
        CONSOLE_ORIGIN: ORIGIN,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`instance exited (${code})`)));
  });
}

describe.skipIf(!url)("two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    stack = await startStack();
    const db = await getDb();
    const [row] = await db.query<{ name: string }>("select current_database() as name");
    const u = new URL(url as string);
    u.pathname = `/${row?.name}`;
    ports.push(...(await Promise.all([startInstance(u.toString()), startInstance(u.toString())])));
  }, 120_000);
  afterAll(async () => {
    // The instances go first: the throwaway database is dropped with the stack.
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null) return resolve(null);
            c.once("exit", resolve);
            c.kill("SIGTERM");
          }),
      ),
    );
    await stack?.close();
  });

  it("50 concurrent calls split across both never spend past the budget plus one reservation", async () => {
    const db = await getDb();
    const [tok] = await db.query<{ id: string }>("select id from tokens where user_id = $1", [
      stack.member.user.id,
    ]);
    const tokenId = tok?.id as string;
    const budget = 400;
    await setLimits({ kind: "token", id: tokenId }, { ...EMPTY_LIMITS, usdPerDayMicros: budget }, null);
    const payload = JSON.stringify({
      model: "gpt-4.1",
      max_tokens: 5,
      messages: [{ role: "user", content: "hi" }],
    });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${stack.member.token}`, "content-type": "application/json" },
          body: payload,
        }),
      ),
    );
    const bodies = await Promise.all(
      answers.map((r) => r.json() as Promise<{ error?: { code: string; requested: number } }>),
    );
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    const refused = bodies.filter((b) => b.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((b) => b.error?.code === "budget_exceeded")).toBe(true);
    const requested = refused[0]?.error?.requested ?? 0;
    let day = (await headroomFor(stack.member.user.id, tokenId)).limits[0];
    for (let i = 0; i < 100 && day?.reserved !== 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      day = (await headroomFor(stack.member.user.id, tokenId)).limits[0];
    }
    expect(day?.reserved).toBe(0);
    expect(day?.used).toBeGreaterThan(0);
    expect(day?.used).toBeLessThanOrEqual(budget + requested);
  }, 60_000);
});
