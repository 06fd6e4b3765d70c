import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { useFreshDb } from "@/test/db";
import { validSnapshot } from "@/test/security/snapshot-shapes";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { getDb } from "./db";
import {
  createPreset,
  deletePreset,
  listPresets,
  PRESET_STATE_MAX_BYTES,
  PRESETS_PER_USER_MAX,
  updatePreset,
} from "./presets";

let cleanup: () => Promise<void>;
let alice: User;
let bob: User;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
});
afterAll(() => cleanup());

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

const state = { setup: validSnapshot().setup as Record<string, unknown> };

describe("presets", () => {
  it("creates, lists, updates and deletes a user's own presets", async () => {
    const p = await createPreset(alice.id, { name: "  Terse bot ", kind: "playground", state });
    expect(p.name).toBe("Terse bot");
    expect(p.kind).toBe("playground");
    expect(p.state).toEqual(state);
    expect(p.id).toMatch(/^pst_/);

    const list = await listPresets(alice.id, "playground");
    expect(list.map((x) => x.id)).toEqual([p.id]);
    expect(await listPresets(bob.id, "playground")).toEqual([]);

    const renamed = await updatePreset(alice.id, p.id, { name: "Terse" });
    expect(renamed.name).toBe("Terse");
    expect(renamed.state).toEqual(state);
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(p.updatedAt));

    const other = { setup: { ...state.setup, model: "o4-mini" } };
    const restated = await updatePreset(alice.id, p.id, { state: other });
    expect(restated.name).toBe("Terse");
    expect(restated.state).toEqual(other);

    await deletePreset(alice.id, p.id);
    expect(await listPresets(alice.id, "playground")).toEqual([]);
    expect((await rejects(deletePreset(alice.id, p.id))).status).toBe(404);
  });

  it("refuses a duplicate name (case-insensitively) with 409, per user", async () => {
    await createPreset(alice.id, { name: "Shared name", kind: "playground", state });
    const e = await rejects(createPreset(alice.id, { name: "shared NAME", kind: "playground", state }));
    expect(e.status).toBe(409);
    expect(e.type).toBe("conflict_error");
    expect(e.param).toBe("name");
    expect(e.message).toContain("already have a preset named");
    // Another user may use the same name.
    await expect(
      createPreset(bob.id, { name: "Shared name", kind: "playground", state }),
    ).resolves.toBeTruthy();

    const other = await createPreset(alice.id, { name: "Other", kind: "playground", state });
    const rename = await rejects(updatePreset(alice.id, other.id, { name: "SHARED name" }));
    expect(rename.status).toBe(409);
    expect(rename.code).toBe("preset_name_taken");
  });

  it("lets no one else update or delete a preset", async () => {
    const p = await createPreset(alice.id, { name: "Mine", kind: "playground", state });
    expect((await rejects(updatePreset(bob.id, p.id, { name: "Stolen" }))).status).toBe(404);
    expect((await rejects(deletePreset(bob.id, p.id))).status).toBe(404);
    const still = (await listPresets(alice.id, "playground")).find((x) => x.id === p.id);
    expect(still?.name).toBe("Mine");
  });

  it("validates names, kinds, state shape and size", async () => {
    expect((await rejects(createPreset(alice.id, { name: "  ", kind: "playground", state }))).param).toBe(
      "name",
    );
    expect(
      (await rejects(createPreset(alice.id, { name: "x".repeat(81), kind: "playground", state }))).param,
    ).toBe("name");
    await expect(
      createPreset(alice.id, { name: "y".repeat(80), kind: "playground", state }),
    ).resolves.toBeTruthy();
    expect((await rejects(createPreset(alice.id, { name: "k", kind: "nope", state }))).param).toBe("kind");
    expect((await rejects(listPresets(alice.id, "nope"))).param).toBe("kind");
    expect((await rejects(createPreset(alice.id, { name: "a", kind: "playground", state: [1] }))).param).toBe(
      "state",
    );
    const big = { blob: "x".repeat(PRESET_STATE_MAX_BYTES) };
    const e = await rejects(createPreset(alice.id, { name: "big", kind: "playground", state: big }));
    expect(e.code).toBe("state_too_large");
    const nul = await rejects(
      createPreset(alice.id, {
        name: "nul",
        kind: "playground",
        state: { setup: { ...state.setup, instructions: "\u0000" } },
      }),
    );
    expect(nul.param).toBe("state");
    expect((await rejects(updatePreset(alice.id, "pst_x", {}))).status).toBe(400);
  });

  it(`caps a user at ${PRESETS_PER_USER_MAX} presets`, async () => {
    const carol = await createUser({
      email: "carol@example.com",
      password: "long-enough-password",
      role: "member",
    });
    const db = await getDb();
    await db.query(
      `insert into presets (id, user_id, name, kind, state)
       select 'pst_fill_' || g, $1, 'Fill ' || g, 'playground', '{}'::jsonb from generate_series(1, $2::int) g`,
      [carol.id, PRESETS_PER_USER_MAX - 1],
    );
    await createPreset(carol.id, { name: "Last one", kind: "playground", state });
    const e = await rejects(createPreset(carol.id, { name: "One too many", kind: "playground", state }));
    expect(e.code).toBe("preset_limit");
    expect(await listPresets(carol.id, "playground")).toHaveLength(PRESETS_PER_USER_MAX);
  });

  it("goes away with its owner", async () => {
    const dave = await createUser({
      email: "dave@example.com",
      password: "long-enough-password",
      role: "member",
    });
    await createPreset(dave.id, { name: "Temp", kind: "playground", state });
    const db = await getDb();
    await db.query("delete from users where id = $1", [dave.id]);
    const [row] = await db.query<{ n: number }>("select count(*)::int as n from presets where user_id = $1", [
      dave.id,
    ]);
    expect(row?.n).toBe(0);
  });
});
