import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "@/lib/assistants/schema";
import { useFreshDb } from "@/test/db";
import { getAssistant } from "../assistants";
import { createUser, type User } from "../auth/users";
import { resetConfigForTests } from "../config";
import { readArgs } from "./args";
import { runCommand } from "./commands";

let cleanup: () => Promise<void>;
let alice: User;
let dir: string;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bt-assistants-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await cleanup();
});

const LEGACY = {
  id: "asst_legacy1",
  object: "assistant",
  name: "Legacy helper",
  description: null,
  model: "gpt-4o",
  instructions: "Help.",
  tools: [{ type: "code_interpreter" }, { type: "retrieval" }],
  tool_resources: { code_interpreter: { file_ids: ["file-1"] } },
  metadata: {},
};

describe("assistant:import and assistant:list", () => {
  it("reads --file and --email", () => {
    expect(readArgs(["assistant:import", "--file", "a.json", "--email", "a@b.c"]).args).toEqual({
      file: "a.json",
      email: "a@b.c",
    });
  });

  it("imports a file for a user, with notes, and lists it", async () => {
    const file = path.join(dir, "legacy.json");
    fs.writeFileSync(file, JSON.stringify(LEGACY));
    const r = (await runCommand("assistant:import", { file, email: "alice@example.com" })) as {
      assistant: ImportResult;
    };
    expect(r.assistant).toMatchObject({ name: "Legacy helper", versions: 1, source: "assistants_api" });
    expect(r.assistant.notes.join("\n")).toMatch(/"retrieval" has no counterpart/);
    const d = await getAssistant(alice, r.assistant.id);
    expect(d.assistant.owner.userId).toBe(alice.id);
    // The CLI hands a running server the file's text, not its path.
    const viaContent = (await runCommand("assistant:import", {
      content: JSON.stringify(LEGACY),
      email: "alice@example.com",
    })) as { assistant: ImportResult };
    expect(viaContent.assistant.id).not.toBe(r.assistant.id);
    const list = (await runCommand("assistant:list", {})) as { assistants: { id: string }[] };
    expect(list.assistants.map((a) => a.id).sort()).toEqual([r.assistant.id, viaContent.assistant.id].sort());
    const none = (await runCommand("assistant:list", { email: "alice@example.com" })) as {
      assistants: unknown[];
    };
    expect(none.assistants).toHaveLength(2);
  });

  it("says what is wrong with a missing or non-JSON file, or an unknown user", async () => {
    await expect(
      runCommand("assistant:import", { file: path.join(dir, "nope.json"), email: "alice@example.com" }),
    ).rejects.toThrow(/Cannot read/);
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, "{");
    await expect(runCommand("assistant:import", { file: bad, email: "alice@example.com" })).rejects.toThrow(
      /not JSON/,
    );
    await expect(runCommand("assistant:import", { file: bad, email: "who@example.com" })).rejects.toThrow(
      /No user/,
    );
  });
});
