import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setOwnershipPolicy } from "@/lib/server/ownership";
import { KEY, type Person, type Stack, startStack } from "./harness";

// Members delete only files and vector stores they created through Benchtop (docs/ownership.md).
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const call = (who: Person, path: string, init: { method?: string; body?: BodyInit } = {}) =>
  fetch(`${stack.proxyUrl}/api/v1/${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${who.token}` },
    body: init.body,
  });

async function upload(who: Person | null): Promise<string> {
  const form = new FormData();
  form.append("purpose", "user_data");
  form.append("file", new Blob(["hello"]), "a.txt");
  // `null`: straight into the upstream, as a file made outside Benchtop.
  const res = who
    ? await call(who, "files", { method: "POST", body: form })
    : await fetch(`${stack.emulator.url}/files`, {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}` },
        body: form,
      });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const deletes = (id: string) =>
  stack.emulator.state.log.filter((r) => r.method === "DELETE" && r.path.endsWith(id)).length;

describe("ownership of files", () => {
  it("a member cannot delete the admin's file, and the request never reaches the upstream", async () => {
    const id = await upload(stack.admin);
    const res = await call(stack.member, `files/${id}`, { method: "DELETE" });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { type: string; code: string; message: string } };
    expect(body.error).toMatchObject({ type: "permission_error", code: "not_owner" });
    expect(body.error.message).toContain("Only its owner");
    expect(deletes(id)).toBe(0);
    expect((await call(stack.admin, `files/${id}`, { method: "DELETE" })).status).toBe(200);
  });

  it("a member deletes their own file at once after creating it", async () => {
    const id = await upload(stack.member);
    expect((await call(stack.member, `files/${id}`, { method: "DELETE" })).status).toBe(200);
  });

  it("a file with no owner is the admins' unless the team setting says otherwise", async () => {
    const id = await upload(null);
    expect((await call(stack.member, `files/${id}`, { method: "DELETE" })).status).toBe(403);
    await setOwnershipPolicy("own_and_unowned");
    try {
      expect((await call(stack.member, `files/${id}`, { method: "DELETE" })).status).toBe(200);
    } finally {
      await setOwnershipPolicy("own");
    }
  });

  it("a member cannot rename or delete the admin's vector store, but can search it", async () => {
    const created = await call(stack.admin, "vector_stores", {
      method: "POST",
      body: JSON.stringify({ name: "admin's" }),
    });
    const { id } = (await created.json()) as { id: string };
    const json = (body: unknown) => JSON.stringify(body);
    expect(
      (await call(stack.member, `vector_stores/${id}`, { method: "POST", body: json({ name: "x" }) })).status,
    ).toBe(403);
    expect((await call(stack.member, `vector_stores/${id}`, { method: "DELETE" })).status).toBe(403);
    const search = await call(stack.member, `vector_stores/${id}/search`, {
      method: "POST",
      body: json({ query: "q" }),
    });
    expect(search.status).not.toBe(403);
  });
});
