import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { getDb } from "./db";
import { ownershipFor, ownersOf, recordOwner } from "./ownership";

// Migration 0012_fine_tuning_owners: the owners table holds fine-tuning jobs too (PGlite and Postgres).
let cleanup: () => Promise<void>;
let ada: User;
let bob: User;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  ada = await createUser({ email: "ada@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
});
afterAll(() => cleanup());

describe("owners of fine-tuning jobs", () => {
  it("records a job's creator once, first creator wins, beside files with the same id space", async () => {
    await recordOwner("fine_tuning_job", "ftjob-emu000001", ada.id);
    await recordOwner("fine_tuning_job", "ftjob-emu000001", bob.id);
    await recordOwner("file", "ftjob-emu000001", bob.id);
    const owners = await ownersOf("fine_tuning_job", ["ftjob-emu000001", "ftjob-none"]);
    expect(owners).toEqual({ "ftjob-emu000001": { userId: ada.id, name: ada.name, email: ada.email } });
    expect((await ownersOf("file", ["ftjob-emu000001"]))["ftjob-emu000001"]?.userId).toBe(bob.id);
  });

  it("tells the pages who may cancel, pause or resume each job", async () => {
    const r = await ownershipFor(bob, "fine_tuning_job", ["ftjob-emu000001", "ftjob-none"]);
    expect(r["ftjob-emu000001"]).toMatchObject({ allowed: false });
    expect(r["ftjob-emu000001"]?.reason).toContain("cancel, pause or resume this fine-tuning job");
    expect(r["ftjob-none"]?.owner).toBeNull();
    expect(
      (await ownershipFor(ada, "fine_tuning_job", ["ftjob-emu000001"]))["ftjob-emu000001"]?.allowed,
    ).toBe(true);
  });

  it("still refuses a kind the table does not know", async () => {
    const db = await getDb();
    await expect(
      db.query("insert into owners (kind, object_id, user_id) values ('batch', 'b1', $1)", [ada.id]),
    ).rejects.toThrow();
    const applied = await db.query<{ id: string }>(
      "select id from schema_migrations where id = '0012_fine_tuning_owners'",
    );
    expect(applied).toHaveLength(1);
  });
});
