import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as owners } from "@/app/api/owners/route";
import { getDb } from "@/lib/server/db";
import { setOwnershipPolicy } from "@/lib/server/ownership";
import { asBrowser, KEY, type Person, type Stack, startStack } from "./harness";

// Members cancel, pause and resume only the fine-tuning jobs they created through Benchtop; checkpoint
// permissions (an admin-key API) are for admins only (docs/ownership.md).
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ OPENAI_ADMIN_KEY: "sk-admin-security-suite-0123456789" });
});
afterAll(() => stack.close());

const call = (who: Person, path: string, body?: unknown) =>
  fetch(`${stack.proxyUrl}/api/v1/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${who.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function trainingFile(): Promise<string> {
  const form = new FormData();
  form.append("purpose", "fine-tune");
  const line = JSON.stringify({
    messages: [
      { role: "user", content: "hi" },
      { role: "assistant", content: "hello" },
    ],
  });
  form.append("file", new Blob([Array(10).fill(line).join("\n")]), "train.jsonl");
  const res = await fetch(`${stack.emulator.url}/files`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}` },
    body: form,
  });
  return ((await res.json()) as { id: string }).id;
}

async function createJob(who: Person): Promise<string> {
  const res = await call(who, "fine_tuning/jobs", {
    model: "gpt-4o-mini",
    training_file: await trainingFile(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const upstreamCalls = (path: string) => stack.emulator.state.log.filter((r) => r.path.endsWith(path)).length;

describe("ownership of fine-tuning jobs", () => {
  it("a member cannot cancel, pause or resume the admin's job, and nothing reaches the upstream", async () => {
    const id = await createJob(stack.admin);
    for (const action of ["cancel", "pause", "resume"]) {
      const res = await call(stack.member, `fine_tuning/jobs/${id}/${action}`, {});
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { type: string; code: string; message: string } };
      expect(body.error).toMatchObject({ type: "permission_error", code: "not_owner" });
      expect(body.error.message).toContain("cancel, pause or resume this fine-tuning job");
      expect(upstreamCalls(`${id}/${action}`)).toBe(0);
    }
    // The pages are told the same: the owner, and that the member may not act on it.
    const res = await owners(
      asBrowser(stack.member, `/api/owners?kind=fine_tuning_job&ids=${id},ftjob-other`),
      undefined as never,
    );
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: Record<string, { owner: { email: string } | null; allowed: boolean; reason: string | null }>;
    };
    expect(data[id]).toMatchObject({ owner: { email: "admin@security.test" }, allowed: false });
    expect(data[id]?.reason).toContain("cancel, pause or resume");
    expect(data["ftjob-other"]?.owner).toBeNull();
    // Fail closed: odd-cased or extended action paths are checked too (a lenient server might route them).
    for (const path of [`${id}/Cancel`, `${id}/CANCEL`, `${id}/cancel/x`, `${id}/other`]) {
      const odd = await call(stack.member, `fine_tuning/jobs/${path}`, {});
      expect(odd.status).toBe(403);
      expect(upstreamCalls(path)).toBe(0);
    }
    // Reading it is fine; the admin may cancel it.
    expect((await call(stack.member, `fine_tuning/jobs/${id}`)).status).toBe(200);
    expect((await call(stack.admin, `fine_tuning/jobs/${id}/cancel`, {})).status).toBe(200);
  });

  it("a member cancels their own job at once after creating it", async () => {
    const id = await createJob(stack.member);
    const res = await call(stack.member, `fine_tuning/jobs/${id}/cancel`, {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("cancelled");
  });

  it("a create's answer is whole only once its owner is stored, however slow the database", async () => {
    // The answer keeps the upstream's content-length, so a client has it whole at its last byte:
    // closing the stream late is not enough (this failed on PostgreSQL in CI).
    const db = await getDb();
    const query = db.query.bind(db);
    db.query = (async (sql: string, params?: unknown[]) => {
      if (sql.startsWith("insert into owners")) await new Promise((r) => setTimeout(r, 400));
      return query(sql, params);
    }) as typeof db.query;
    try {
      const id = await createJob(stack.member);
      expect((await call(stack.member, `fine_tuning/jobs/${id}/cancel`, {})).status).toBe(200);
    } finally {
      db.query = query;
    }
  });

  it("a job made outside Benchtop is the admins' under the default rule", async () => {
    const res = await fetch(`${stack.emulator.url}/fine_tuning/jobs`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", training_file: await trainingFile() }),
    });
    const { id } = (await res.json()) as { id: string };
    const refused = await call(stack.member, `fine_tuning/jobs/${id}/cancel`, {});
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("no owner");
  });

  it("checkpoint permissions are for admins only; graders are forwarded for everyone", async () => {
    const path =
      "fine_tuning/checkpoints/ft:gpt-4o-mini-2024-07-18:org-emulator::emu000001:ckpt-step-10/permissions";
    const before = upstreamCalls("/permissions");
    for (const res of [
      await call(stack.member, path),
      await call(stack.member, path, { project_ids: ["proj_1"] }),
    ]) {
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { type: string; code: string } };
      expect(body.error).toMatchObject({ type: "permission_error", code: "admin_only" });
    }
    expect(upstreamCalls("/permissions")).toBe(before);
    // An admin's call goes upstream with the admin key (the emulator, which has no such route, answers 401 to it).
    const admin = await call(stack.admin, path);
    expect(admin.status).not.toBe(403);
    // …and the error names the key that was used.
    expect(((await admin.json()) as { error: { message: string } }).error.message).toContain(
      "OPENAI_ADMIN_KEY",
    );
    expect(stack.emulator.state.log.at(-1)?.headers.authorization).toBe("Bearer sk-…6789");
    const graders = await call(stack.member, "fine_tuning/alpha/graders/validate", {
      grader: { type: "string_check", name: "g", input: "a", reference: "b", operation: "eq" },
    });
    expect(graders.status).not.toBe(403);
    expect(upstreamCalls("/fine_tuning/alpha/graders/validate")).toBe(1);
  });

  it("deleting a fine-tuned model is for admins unless the team setting lets members", async () => {
    const model = "ft:gpt-4o-mini-2024-07-18:org-emulator::emu000001";
    const del = (who: Person) =>
      fetch(`${stack.proxyUrl}/api/v1/models/${model}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${who.token}` },
      });
    const deletes = () =>
      stack.emulator.state.log.filter((r) => r.method === "DELETE" && r.path.includes(model)).length;
    const res = await del(stack.member);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { type: string; code: string; message: string } };
    expect(body.error).toMatchObject({ type: "permission_error", code: "not_owner" });
    expect(body.error.message).toContain("only admins can delete them");
    expect(deletes()).toBe(0);
    await setOwnershipPolicy("own_and_unowned");
    try {
      expect((await del(stack.member)).status).not.toBe(403);
      expect(deletes()).toBe(1);
    } finally {
      await setOwnershipPolicy("own");
    }
    expect((await del(stack.admin)).status).not.toBe(403);
    expect(deletes()).toBe(2);
  });
});
