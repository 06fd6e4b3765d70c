import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";

// The assistants API and ops CLI against a real console: import from a file, list, versions with a
// stale-base conflict, write-only MCP header values, private visibility, same-origin checks.

const LEGACY = {
  id: "asst_e2eLegacy",
  object: "assistant",
  created_at: 1698984975,
  name: "Legacy e2e helper",
  description: null,
  model: "gpt-4o-mini",
  instructions: "Answer from the handbook.",
  tools: [{ type: "code_interpreter" }, { type: "file_search" }, { type: "retrieval" }],
  tool_resources: {
    code_interpreter: { file_ids: ["file-e2e"] },
    file_search: { vector_store_ids: ["vs_e2e"] },
  },
  metadata: {},
  temperature: 0.4,
};

const SECRET = "Bearer mcp-e2e-header-value-9d2f";

let token: string;
const api = (p: string, init: RequestInit = {}) =>
  freshFetch(`${E2E.consoleUrl}/api/assistants${p}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
  });

test.beforeAll(() => {
  token = cli("token:create", "--email", E2E.admin.email, "--name", "assistants-e2e");
});

test("assistant:import reads a legacy object from a file, prints the id, and assistant:list shows it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bt-e2e-"));
  const file = path.join(dir, "legacy.json");
  fs.writeFileSync(file, JSON.stringify(LEGACY));
  const id = cli("assistant:import", "--file", file, "--email", E2E.admin.email);
  fs.rmSync(dir, { recursive: true });
  expect(id).toMatch(/^asst_bt_[0-9a-f]{24}$/);
  const list = JSON.parse(cli("assistant:list", "--json")) as { assistants: { id: string; name: string }[] };
  expect(list.assistants).toContainEqual(expect.objectContaining({ id, name: "Legacy e2e helper" }));

  const detail = await (await api(`/${id}`)).json();
  expect(detail.version.config.tools).toEqual([
    { type: "code_interpreter", container: { type: "auto", fileIds: ["file-e2e"] } },
    { type: "file_search", vectorStoreIds: ["vs_e2e"], filters: "" },
  ]);
  expect(detail.version.config.temperature).toBe(0.4);
});

test("versions, 409 on a stale base, production, and MCP header values that never come back", async () => {
  const config = {
    name: "Server e2e",
    description: "",
    model: "gpt-4o-mini",
    instructions: "Help {{who}}.",
    variables: [{ name: "who", type: "string", description: "", default: "you" }],
    tools: [
      {
        type: "mcp",
        serverLabel: "crm",
        serverUrl: "https://mcp.example.com/mcp",
        allowedTools: null,
        requireApproval: "always",
        headerNames: ["Authorization"],
      },
    ],
    responseFormat: { type: "text" },
    metadata: [],
  };
  const created = await api("", {
    method: "POST",
    body: JSON.stringify({ config, mcpHeaders: { crm: { Authorization: SECRET } } }),
  });
  expect(created.status).toBe(201);
  const first = await created.json();
  const id = first.assistant.id as string;
  expect(first.mcpHeadersSet).toEqual({ crm: ["Authorization"] });

  const save = (baseVersion: number, force = false) =>
    api(`/${id}/versions`, {
      method: "POST",
      body: JSON.stringify({ config: { ...config, name: `v${baseVersion + 1}` }, baseVersion, force }),
    });
  expect((await save(1)).status).toBe(201);
  const stale = await save(1);
  expect(stale.status).toBe(409);
  expect((await stale.json()).error).toMatchObject({ type: "conflict_error", code: "stale_version" });
  expect((await save(1, true)).status).toBe(201);

  const bad = await api(`/${id}/versions`, {
    method: "POST",
    body: JSON.stringify({ config: { ...config, instructions: "Hi {{nobody}}" } }),
  });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "invalid_config", param: "config.instructions" });

  const patched = await api(`/${id}`, { method: "PATCH", body: JSON.stringify({ productionVersion: 2 }) });
  expect((await patched.json()).productionVersion).toBe(2);
  const v1 = await (await api(`/${id}/versions/1`)).json();
  expect(v1.config.name).toBe("Server e2e");

  for (const p of [`/${id}`, `/${id}/export`, `/${id}/versions/3`, "?q=server%20e2e"]) {
    const text = await (await api(p)).text();
    expect(text).not.toContain("mcp-e2e-header-value");
  }
  const exported = await (await api(`/${id}/export`)).json();
  expect(exported.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
});

test("a member cannot see a private assistant, and a session needs the console's origin", async ({
  page,
  signIn,
  browser,
}) => {
  const created = await api("", {
    method: "POST",
    body: JSON.stringify({
      visibility: "private",
      config: {
        name: "Private e2e",
        description: "",
        model: "gpt-4o-mini",
        instructions: "",
        variables: [],
        tools: [],
        responseFormat: { type: "text" },
        metadata: [],
      },
    }),
  });
  const id = (await created.json()).assistant.id as string;

  const email = `assistants-member-${Date.now()}@example.com`;
  cli("user:add", "--email", email, "--password", "member-password-123");
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, email, "member-password-123");
  expect((await member.request.get(`/api/assistants/${id}`)).status()).toBe(404);
  const list = await (await member.request.get("/api/assistants?q=private%20e2e")).json();
  expect(list.data).toEqual([]);
  await context.close();

  await signIn(page);
  const foreign = await page.request.post("/api/assistants/import", {
    data: LEGACY,
    headers: { origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  const ours = await page.request.post("/api/assistants/import", {
    data: LEGACY,
    headers: { origin: E2E.consoleUrl },
  });
  expect(ours.status()).toBe(201);
  expect((await ours.json()).source).toBe("assistants_api");
});
