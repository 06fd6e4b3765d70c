import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AssistantConfig, SaveVersionInput } from "@/lib/assistants/schema";
import { ApiError } from "@/lib/errors";
import { useFreshDb } from "@/test/db";
import {
  addConversation,
  clearAssistantCache,
  conversationTurns,
  createAssistant,
  deleteAssistant,
  deleteConversation,
  duplicateAssistant,
  exportAssistant,
  getAssistant,
  getVersion,
  HEAD_TTL_MS,
  importAssistant,
  listAssistants,
  listConversations,
  noteCall,
  patchAssistant,
  purgeDeleted,
  resolveForCall,
  rollBack,
  saveVersion,
  type Viewer,
} from "./assistants";
import { createUser } from "./auth/users";
import { resetConfigForTests } from "./config";
import { getDb } from "./db";
import { flushLedger, record } from "./ledger";

let cleanup: () => Promise<void>;
let alice: Viewer;
let bob: Viewer;
let admin: Viewer;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
  admin = await createUser({ email: "root@example.com", password: "long-enough-password", role: "admin" });
});
afterAll(async () => {
  await cleanup();
});
beforeEach(async () => {
  clearAssistantCache();
  await (await getDb()).query("delete from assistants");
});

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function config(patch: Partial<AssistantConfig> = {}): AssistantConfig {
  return {
    name: "Support bot",
    description: "Answers tickets",
    model: "gpt-4.1-mini",
    instructions: "You help {{customer}} with their order.",
    variables: [{ name: "customer", type: "string", description: "", default: "a customer" }],
    tools: [],
    responseFormat: { type: "text" },
    metadata: [],
    ...patch,
  };
}

const input = (
  patch: Partial<AssistantConfig> = {},
  rest: Partial<SaveVersionInput> = {},
): SaveVersionInput => ({
  config: config(patch),
  ...rest,
});

const MCP: AssistantConfig["tools"][number] = {
  type: "mcp",
  serverLabel: "crm",
  serverUrl: "https://mcp.example.com/sse",
  allowedTools: null,
  requireApproval: "always",
  headerNames: ["Authorization"],
};

describe("create, read, list", () => {
  it("creates version 1 with an asst_bt_ id and reads it back", async () => {
    const d = await createAssistant(alice, input({}, { note: "first" }));
    expect(d.assistant.id).toMatch(/^asst_bt_[0-9a-f]{24}$/);
    expect(d.assistant).toMatchObject({
      name: "Support bot",
      latestVersion: 1,
      productionVersion: null,
      versionCount: 1,
      visibility: "team",
      canEdit: true,
      owner: { userId: alice.id, email: "alice@example.com" },
    });
    expect(d.version).toMatchObject({ version: 1, note: "first", basedOn: null });
    expect(d.version.config.instructions).toContain("{{customer}}");
    const again = await getAssistant(bob, d.assistant.id);
    expect(again.assistant.canEdit).toBe(false);
    expect((await getAssistant(admin, d.assistant.id)).assistant.canEdit).toBe(true);
  });

  it("refuses a config with errors, naming the field", async () => {
    const e = await rejects(createAssistant(alice, input({ instructions: "Hi {{who}}" })));
    expect(e.status).toBe(400);
    expect(e.code).toBe("invalid_config");
    expect(e.param).toBe("config.instructions");
    const e2 = await rejects(createAssistant(alice, input({ model: "o3", temperature: 0.5 })));
    expect(e2.param).toBe("config.temperature");
  });

  it("lists with search over name, description and instructions, owner filter and paging", async () => {
    const a = await createAssistant(alice, input({ name: "Alpha", description: "first one" }));
    await createAssistant(bob, input({ name: "Beta", instructions: "Speak like a pirate to {{customer}}." }));
    await createAssistant(bob, input({ name: "Gamma" }));
    await createAssistant(bob, input({ name: "Secret" }, { visibility: "private" }));
    const all = await listAssistants(alice, {});
    expect(all.data.map((x) => x.name)).toEqual(["Gamma", "Beta", "Alpha"]);
    expect((await listAssistants(alice, { q: "PIRATE" })).data.map((x) => x.name)).toEqual(["Beta"]);
    expect((await listAssistants(alice, { q: "first" })).data.map((x) => x.id)).toEqual([a.assistant.id]);
    expect((await listAssistants(alice, { q: "100%" })).data).toEqual([]);
    expect((await listAssistants(alice, { owner: "me" })).data.map((x) => x.name)).toEqual(["Alpha"]);
    expect((await listAssistants(bob, {})).data).toHaveLength(4);
    const p1 = await listAssistants(alice, { limit: 2 });
    expect(p1.data).toHaveLength(2);
    const p2 = await listAssistants(alice, { limit: 2, cursor: p1.nextCursor ?? "" });
    expect(p2.data.map((x) => x.name)).toEqual(["Alpha"]);
    expect(p2.nextCursor).toBeNull();
  });
});

describe("visibility and rights", () => {
  it("hides private assistants from everyone else, admins included (404)", async () => {
    const d = await createAssistant(bob, input({}, { visibility: "private" }));
    const id = d.assistant.id;
    for (const v of [alice, admin]) {
      expect((await rejects(getAssistant(v, id))).status).toBe(404);
      expect((await rejects(exportAssistant(v, id))).status).toBe(404);
      expect((await rejects(saveVersion(v, id, input()))).status).toBe(404);
      expect((await rejects(duplicateAssistant(v, id))).status).toBe(404);
      expect((await listAssistants(v, {})).data).toEqual([]);
    }
    expect((await rejects(getAssistant(alice, "asst_bt_000000000000000000000000"))).code).toBe(
      "assistant_not_found",
    );
  });

  it("lets the owner and admins edit a team assistant, others only read", async () => {
    const d = await createAssistant(alice, input());
    const id = d.assistant.id;
    const e = await rejects(saveVersion(bob, id, input()));
    expect(e.status).toBe(403);
    expect((await rejects(patchAssistant(bob, id, { productionVersion: 1 }))).status).toBe(403);
    expect((await rejects(deleteAssistant(bob, id))).status).toBe(403);
    expect((await saveVersion(admin, id, input({ name: "By admin" }))).assistant.latestVersion).toBe(2);
    expect((await patchAssistant(alice, id, { visibility: "private" })).visibility).toBe("private");
    expect((await rejects(getAssistant(bob, id))).status).toBe(404);
  });
});

describe("versions", () => {
  it("keeps every version immutable; the head mirrors the latest", async () => {
    const d = await createAssistant(alice, input());
    const id = d.assistant.id;
    const v2 = await saveVersion(alice, id, input({ name: "Renamed", model: "gpt-4o" }, { baseVersion: 1 }));
    expect(v2.assistant).toMatchObject({
      latestVersion: 2,
      name: "Renamed",
      model: "gpt-4o",
      versionCount: 2,
    });
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getVersion(alice, id, 1)).config.name).toBe("Support bot");
    expect((await getAssistant(alice, id, 1)).version.config.model).toBe("gpt-4.1-mini");
    expect((await rejects(getVersion(alice, id, 3))).code).toBe("assistant_version_not_found");
  });

  it("refuses a save on a stale base (409) unless forced", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    await saveVersion(alice, id, input({ name: "Two" }, { baseVersion: 1 }));
    const e = await rejects(saveVersion(admin, id, input({ name: "Three?" }, { baseVersion: 1 })));
    expect(e.status).toBe(409);
    expect(e.code).toBe("stale_version");
    expect(e.message).toContain("Version 2");
    const forced = await saveVersion(admin, id, input({ name: "Three" }, { baseVersion: 1, force: true }));
    expect(forced.assistant.latestVersion).toBe(3);
  });

  it("marks production, rolls back to a new version, duplicates for the caller", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    await saveVersion(alice, id, input({ name: "Two" }));
    expect((await patchAssistant(alice, id, { productionVersion: 1 })).productionVersion).toBe(1);
    expect((await rejects(patchAssistant(alice, id, { productionVersion: 9 }))).status).toBe(400);
    const rb = await rollBack(alice, id, 1);
    expect(rb.version).toMatchObject({ version: 3, basedOn: 1 });
    expect(rb.version.config.name).toBe("Support bot");
    expect(rb.assistant.name).toBe("Support bot");
    const dup = await duplicateAssistant(bob, id, 2);
    expect(dup.assistant).toMatchObject({ name: "Two (copy)", latestVersion: 1, canEdit: true });
    expect(dup.assistant.owner.userId).toBe(bob.id);
    expect(dup.assistant.id).not.toBe(id);
  });

  it("soft-deletes, restores, and purges after the restore window", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    await deleteAssistant(alice, id);
    expect((await listAssistants(alice, {})).data).toEqual([]);
    const deleted = (await listAssistants(alice, { deleted: true })).data;
    expect(deleted.map((x) => x.id)).toEqual([id]);
    expect(deleted[0]?.purgeAt).toBeTruthy();
    expect((await rejects(saveVersion(alice, id, input()))).code).toBe("assistant_deleted");
    expect((await rejects(resolveForCall(alice, id, null))).code).toBe("assistant_not_found");
    await patchAssistant(alice, id, { restore: true });
    expect((await listAssistants(alice, {})).data.map((x) => x.id)).toEqual([id]);
    await deleteAssistant(alice, id);
    await (await getDb()).query(
      "update assistants set deleted_at = now() - interval '31 days' where id = $1",
      [id],
    );
    expect(await purgeDeleted()).toBe(1);
    expect((await rejects(getAssistant(alice, id))).status).toBe(404);
  });
});

describe("MCP header secrets", () => {
  it("stores values sealed, never returns them, and hands them only to resolveForCall", async () => {
    const d = await createAssistant(
      alice,
      input({ tools: [MCP] }, { mcpHeaders: { crm: { Authorization: "Bearer sk-mcp-very-secret" } } }),
    );
    const id = d.assistant.id;
    expect(d.mcpHeadersSet).toEqual({ crm: ["Authorization"] });
    const [row] = await (await getDb()).query<{ value: string }>("select value from assistant_secrets");
    expect(row?.value).not.toContain("sk-mcp");
    expect(JSON.stringify(await getAssistant(alice, id))).not.toContain("sk-mcp");
    expect(JSON.stringify(await exportAssistant(alice, id))).not.toContain("sk-mcp");
    const r = await resolveForCall(bob, id, null);
    expect(r.mcpHeaders).toEqual({ crm: { Authorization: "Bearer sk-mcp-very-secret" } });
    // "" deletes one; an undeclared header is refused.
    const cleared = await saveVersion(
      alice,
      id,
      input({ tools: [MCP] }, { mcpHeaders: { crm: { Authorization: "" } } }),
    );
    expect(cleared.mcpHeadersSet).toEqual({});
    const e = await rejects(
      saveVersion(alice, id, input({ tools: [MCP] }, { mcpHeaders: { crm: { "X-Other": "v" } } })),
    );
    expect(e.code).toBe("unknown_mcp_header");
    // A stored value for a header no longer declared can still be deleted.
    await saveVersion(alice, id, input({ tools: [MCP] }, { mcpHeaders: { crm: { Authorization: "v" } } }));
    const dropped = await saveVersion(alice, id, input({}, { mcpHeaders: { crm: { Authorization: "" } } }));
    expect(dropped.mcpHeadersSet).toEqual({});
  });

  it("binds a value to the server URL it was entered for: a changed URL never receives it", async () => {
    const id = (
      await createAssistant(
        alice,
        input({ tools: [MCP] }, { mcpHeaders: { crm: { Authorization: "Bearer a" } } }),
      )
    ).assistant.id;
    const evil = { ...MCP, serverUrl: "https://evil.example/sse" };
    // Same label, another URL, nothing re-entered: the stored value is dropped, for every version.
    const moved = await saveVersion(alice, id, input({ tools: [evil] }));
    expect(moved.mcpHeadersSet).toEqual({});
    expect((await resolveForCall(bob, id, "2")).mcpHeaders).toEqual({});
    expect((await resolveForCall(bob, id, "1")).mcpHeaders).toEqual({});
    // Re-entered for the new URL: only versions pointing there get it; rolling back sends nothing.
    await saveVersion(
      alice,
      id,
      input({ tools: [evil] }, { mcpHeaders: { crm: { Authorization: "Bearer b" } } }),
    );
    expect((await resolveForCall(bob, id, "3")).mcpHeaders).toEqual({ crm: { Authorization: "Bearer b" } });
    expect((await resolveForCall(bob, id, "1")).mcpHeaders).toEqual({});
    await rollBack(alice, id, 1);
    expect((await resolveForCall(bob, id, "latest")).mcpHeaders).toEqual({});
    expect((await getAssistant(alice, id, 1)).mcpHeadersSet).toEqual({});
    expect((await getAssistant(alice, id, 3)).mcpHeadersSet).toEqual({ crm: ["Authorization"] });
  });

  it("copies values on duplicate only for someone who may edit the original", async () => {
    const id = (
      await createAssistant(
        alice,
        input({ tools: [MCP] }, { mcpHeaders: { crm: { Authorization: "Bearer x" } } }),
      )
    ).assistant.id;
    expect((await duplicateAssistant(bob, id)).mcpHeadersSet).toEqual({});
    const mine = await duplicateAssistant(alice, id);
    expect(mine.mcpHeadersSet).toEqual({ crm: ["Authorization"] });
    expect((await resolveForCall(alice, mine.assistant.id, null)).mcpHeaders).toEqual({
      crm: { Authorization: "Bearer x" },
    });
  });
});

describe("resolveForCall", () => {
  it("resolves production, latest and numbered versions", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    await saveVersion(alice, id, input({ name: "Two" }));
    expect((await resolveForCall(bob, id, undefined)).version).toBe(2);
    await patchAssistant(alice, id, { productionVersion: 1 });
    expect((await resolveForCall(bob, id, null)).version).toBe(1);
    expect((await resolveForCall(bob, id, "latest")).version).toBe(2);
    expect((await resolveForCall(bob, id, "production")).config.name).toBe("Support bot");
    expect((await resolveForCall(bob, id, "2")).config.name).toBe("Two");
  });

  it("answers unknown, invisible and deleted alike, and unknown versions with the ones that exist", async () => {
    const priv = (await createAssistant(alice, input({}, { visibility: "private" }))).assistant.id;
    for (const [v, id] of [
      [bob, priv],
      [admin, priv],
      [alice, "asst_bt_ffffffffffffffffffffffff"],
      [alice, "pmpt_123"],
    ] as const) {
      const e = await rejects(resolveForCall(v, id, null));
      expect(e.toJSON().error).toEqual({
        type: "invalid_request_error",
        param: "prompt.id",
        code: "assistant_not_found",
        message: expect.stringContaining(id),
      });
      expect(e.status).toBe(400);
    }
    const long = await rejects(resolveForCall(alice, `pmpt_${"x".repeat(100_000)}`, null));
    expect(long.message.length).toBeLessThan(300);
    await saveVersion(alice, priv, input());
    for (const version of ["7", "0", "two", "production"]) {
      const e = await rejects(resolveForCall(alice, priv, version));
      expect(e).toMatchObject({ status: 400, param: "prompt.version", code: "assistant_version_not_found" });
      expect(e.message).toContain("1–2");
    }
  });

  it("sees changes made in this process at once, and others within the head TTL", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    expect((await resolveForCall(bob, id, null)).version).toBe(1);
    await saveVersion(alice, id, input({ name: "Two" }));
    expect((await resolveForCall(bob, id, null)).version).toBe(2);
    await patchAssistant(alice, id, { visibility: "private" });
    expect((await rejects(resolveForCall(bob, id, null))).code).toBe("assistant_not_found");
    // Another process changes the row: seen once the cached head is older than the TTL.
    await (await getDb()).query("update assistants set visibility = 'team' where id = $1", [id]);
    await new Promise((r) => setTimeout(r, HEAD_TTL_MS + 50));
    expect((await resolveForCall(bob, id, null)).version).toBe(2);
  });

  it("is fast once warm", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    await resolveForCall(bob, id, null);
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await resolveForCall(bob, id, null);
    const perCall = (performance.now() - t0) / n;
    expect(perCall).toBeLessThan(0.5);
  });
});

describe("calls and conversations", () => {
  it("notes last use and indexes the conversation, leaving another user's alone", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    await noteCall({
      assistantId: id,
      version: 1,
      userId: alice.id,
      conversationId: "conv_1",
      title: "Where is  my order?",
    });
    await noteCall({
      assistantId: id,
      version: 1,
      userId: alice.id,
      conversationId: "conv_1",
      title: "ignored",
    });
    await noteCall({ assistantId: id, version: 1, userId: bob.id, conversationId: "conv_1", title: "bob" });
    const list = await listConversations(alice, id);
    expect(list).toEqual([
      expect.objectContaining({ id: "conv_1", title: "Where is my order?", turns: 2, version: 1 }),
    ]);
    expect(await listConversations(bob, id)).toEqual([]);
    expect((await getAssistant(alice, id)).assistant.lastUsedAt).not.toBeNull();
  });

  it("indexes a new conversation before its first turn, and refuses one indexed elsewhere", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    const c = await addConversation(alice, id, "conv_2", "");
    expect(c).toMatchObject({ id: "conv_2", turns: 0, title: "" });
    await noteCall({
      assistantId: id,
      version: 1,
      userId: alice.id,
      conversationId: "conv_2",
      title: "Hello",
    });
    expect((await listConversations(alice, id))[0]).toMatchObject({ title: "Hello", turns: 1 });
    expect((await rejects(addConversation(bob, id, "conv_2", "x"))).status).toBe(409);
  });

  it("deletes a conversation upstream, then from the index; keeps it when the upstream fails", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const status = req.url?.endsWith("conv_fail") ? 500 : req.url?.endsWith("conv_gone") ? 404 : 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          status === 200
            ? { id: "x", object: "conversation.deleted", deleted: true }
            : { error: { message: "no", type: "x" } },
        ),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    process.env.OPENAI_API_KEY = "sk-test-upstream-key";
    process.env.OPENAI_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    resetConfigForTests();
    try {
      for (const c of ["conv_ok", "conv_gone", "conv_fail"]) await addConversation(alice, id, c, c);
      await deleteConversation(alice, id, "conv_ok");
      await deleteConversation(alice, id, "conv_gone");
      const e = await rejects(deleteConversation(alice, id, "conv_fail"));
      expect(e).toMatchObject({ status: 502, code: "conversation_delete_failed" });
      expect((await listConversations(alice, id)).map((c) => c.id)).toEqual(["conv_fail"]);
      expect(seen).toEqual([
        "DELETE /v1/conversations/conv_ok",
        "DELETE /v1/conversations/conv_gone",
        "DELETE /v1/conversations/conv_fail",
      ]);
      expect((await rejects(deleteConversation(bob, id, "conv_fail"))).status).toBe(404);
    } finally {
      delete process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_BASE_URL;
      resetConfigForTests();
      server.close();
    }
  });

  it("lists a conversation's turns from the ledger, the caller's own, with cost", async () => {
    const id = (await createAssistant(alice, input())).assistant.id;
    const base = {
      at: new Date(),
      tokenId: null,
      method: "POST",
      path: "/v1/responses",
      model: "gpt-4.1-mini",
      status: 200,
      durationMs: 900,
      ttfbMs: 120,
      upstreamRequestId: null,
      stream: true,
      aborted: false,
      errorType: null,
      errorCode: null,
      usage: { input: 1000, cached: 0, output: 500, reasoning: 0 },
      requestBytes: 10,
      responseBytes: 20,
      assistantId: id,
      assistantVersion: 1,
      conversationId: "conv_3",
    };
    record({ ...base, userId: alice.id });
    record({ ...base, userId: bob.id });
    await flushLedger();
    const turns = await conversationTurns(alice, "conv_3");
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({
      version: 1,
      model: "gpt-4.1-mini",
      status: 200,
      durationMs: 900,
      ttfbMs: 120,
    });
    expect(turns[0]?.costUsd).toBeGreaterThan(0);
  });
});

describe("export and import", () => {
  it("round-trips a Benchtop export with every version and production", async () => {
    const id = (await createAssistant(alice, input({ tools: [MCP] }))).assistant.id;
    await saveVersion(alice, id, input({ name: "Two", tools: [MCP] }, { note: "second" }));
    await patchAssistant(alice, id, { productionVersion: 1 });
    const exported = await exportAssistant(bob, id);
    expect(exported.format).toBe("benchtop.assistant");
    expect(exported.versions.map((v) => v.version)).toEqual([1, 2]);
    const r = await importAssistant(bob, JSON.parse(JSON.stringify(exported)));
    expect(r).toMatchObject({ name: "Two", versions: 2, source: "benchtop" });
    expect(r.notes.join(" ")).toContain("MCP header values");
    const d = await getAssistant(bob, r.id);
    expect(d.assistant).toMatchObject({ productionVersion: 1, latestVersion: 2, canEdit: true });
    expect(d.versions[0]?.note).toBe("second");
  });

  it("imports a legacy Assistants API object, keeping what validation flags as notes", async () => {
    const r = await importAssistant(alice, {
      id: "asst_abc123",
      object: "assistant",
      created_at: 1698984975,
      name: "Math Tutor",
      description: null,
      model: "o3-mini",
      instructions: "Solve it.",
      tools: [{ type: "code_interpreter" }],
      tool_resources: { code_interpreter: { file_ids: ["file-1"] } },
      metadata: {},
      temperature: 0.2,
      top_p: 1,
      response_format: "auto",
    });
    expect(r.source).toBe("assistants_api");
    expect(r.notes.some((n) => n.includes("temperature"))).toBe(true);
    const d = await getAssistant(alice, r.id);
    expect(d.version.config.tools).toEqual([
      { type: "code_interpreter", container: { type: "auto", fileIds: ["file-1"] } },
    ]);
  });

  it("refuses what it does not recognise", async () => {
    const e = await rejects(importAssistant(alice, { hello: "world" }));
    expect(e).toMatchObject({ status: 400, code: "unsupported_import" });
  });
});
