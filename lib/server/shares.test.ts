import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import type { ShareDto, SharingSettingsDto } from "@/lib/types";
import { useFreshDb } from "@/test/db";
import { validSnapshot } from "@/test/security/snapshot-shapes";
import { createSession, SESSION_COOKIE } from "./auth/sessions";
import { createToken } from "./auth/tokens";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { getDb } from "./db";
import { findSecret } from "./secret-shapes";
import { getPublicShareLinks, setPublicShareLinks } from "./settings";
import { createShare, getShare, listShares, revokeShare, SHARE_SNAPSHOT_MAX_BYTES } from "./shares";

const CONFIGURED_KEY = "configured-upstream-key-0123456789";
const ADMIN_KEY = "configured-admin-key-abcdefghijkl";

let cleanup: () => Promise<void>;
let alice: User;
let bob: User;
let admin: User;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  process.env.OPENAI_API_KEY = CONFIGURED_KEY;
  process.env.OPENAI_ADMIN_KEY = ADMIN_KEY;
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  admin = await createUser({ email: "admin@example.com", password: "long-enough-password", role: "admin" });
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
});
afterAll(async () => {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_ADMIN_KEY;
  resetConfigForTests();
  await cleanup();
});
beforeEach(() => setPublicShareLinks(false));

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

const snapshot = validSnapshot();

describe("shares", () => {
  it("creates an unguessable link, lists it without the snapshot, and opens it with one", async () => {
    const s = await createShare(alice.id, { kind: "playground", title: " Demo ", snapshot });
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(s.url).toBe(`/s/${s.id}`);
    expect(s).toMatchObject({ kind: "playground", title: "Demo", public: false, views: 0, revokedAt: null });
    expect(s.snapshot).toBeUndefined();

    const list = await listShares(alice.id);
    expect(list.map((x) => x.id)).toContain(s.id);
    expect(list.every((x) => x.snapshot === undefined)).toBe(true);
    expect(await listShares(bob.id)).toEqual([]);

    const seen = await getShare(s.id, bob);
    expect(seen.snapshot).toEqual(snapshot);
    expect(seen.views).toBe(1);
    expect((await getShare(s.id, admin)).views).toBe(2);
    // The owner checking their own link does not count.
    expect((await getShare(s.id, alice)).views).toBe(2);

    const untitled = await createShare(alice.id, {
      kind: "tokenizer",
      snapshot: { version: 1, mode: "text", encoding: "o200k_base", model: "gpt-4o", text: "x" },
    });
    expect(untitled.title).toBe("Untitled tokenizer");
  });

  it("stores an image snapshot with its image inline, and refuses one that is not", async () => {
    const image = {
      version: 1,
      image: { dataUrl: "data:image/png;base64,iVBORw0KGgo=", width: 4, height: 4, scaled: null },
      prompt: "A fox",
      revisedPrompt: null,
      model: "gpt-image-2",
      operation: "generate",
      params: { size: "1024x1024" },
      costUsd: 0.04,
      createdAt: "2026-12-01T00:00:00.000Z",
    };
    const s = await createShare(alice.id, { kind: "image", snapshot: image });
    expect(s.title).toBe("A fox");
    expect((await createShare(alice.id, { kind: "image", snapshot: { ...image, prompt: null } })).title).toBe(
      "Untitled image",
    );
    expect((await getShare(s.id, bob)).snapshot).toEqual(image);
    const remote = { ...image, image: { ...image.image, dataUrl: "https://example.com/x.png" } };
    expect((await rejects(createShare(alice.id, { kind: "image", snapshot: remote }))).param).toBe(
      "snapshot.image.dataUrl",
    );
  });

  it("answers 404 for unknown ids and 410 once revoked", async () => {
    expect((await rejects(getShare("does-not-exist-at-all-xx", alice))).status).toBe(404);
    expect((await rejects(getShare("../etc", alice))).status).toBe(404);
    const s = await createShare(alice.id, { kind: "playground", title: "Soon gone", snapshot });
    const revoked = await revokeShare(s.id, alice.id);
    expect(revoked.revokedAt).not.toBeNull();
    // Revoking again keeps the first time.
    expect((await revokeShare(s.id, alice.id)).revokedAt).toBe(revoked.revokedAt);
    for (const viewer of [alice, bob, null]) {
      const e = await rejects(getShare(s.id, viewer));
      expect(e.status).toBe(410);
      expect(e.message).toBe("This link was revoked.");
    }
    expect((await listShares(alice.id)).find((x) => x.id === s.id)?.revokedAt).toBe(revoked.revokedAt);
  });

  it("lets only the owner or an admin revoke", async () => {
    const s = await createShare(alice.id, { kind: "playground", title: "Mine", snapshot });
    const e = await rejects(revokeShare(s.id, bob.id));
    expect(e.status).toBe(403);
    expect((await getShare(s.id, bob)).revokedAt).toBeNull();
    expect((await revokeShare(s.id, admin.id)).revokedAt).not.toBeNull();
    expect((await rejects(revokeShare("no-such-share-id-xxxxxxxx", alice.id))).status).toBe(404);
  });

  it("refuses snapshots holding secrets", async () => {
    const cases: unknown[] = [
      { messages: [{ content: `my key is ${CONFIGURED_KEY}` }] },
      { deep: { nested: [ADMIN_KEY] } },
      { apiKey: "sk-proj-abcdefghijklmnop1234" },
      { header: "Authorization: Bearer sk-admin-AAAAAAAAAAAAAAAAAAAA" },
      { token: "bt_pat_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" },
    ];
    for (const snap of cases) {
      const e = await rejects(createShare(alice.id, { kind: "playground", title: "t", snapshot: snap }));
      expect(e.status).toBe(400);
      expect(e.param).toBe("snapshot");
      expect(e.code).toBe("secret_in_snapshot");
      expect(e.message).toMatch(/remove the secret/i);
      // The message points at the secret without repeating it.
      expect(e.message).not.toContain(CONFIGURED_KEY);
      expect(e.message).not.toContain("abcdefghijklmnop");
    }
    const titled = await rejects(
      createShare(alice.id, { kind: "playground", title: "sk-abcdefghijklmnopqrstu", snapshot }),
    );
    expect(titled.param).toBe("title");
    // Mentions of the prefixes alone are fine.
    expect(
      findSecret(JSON.stringify({ text: "OpenAI keys start with sk- and tokens with bt_pat_" })),
    ).toBeNull();
    const db = await getDb();
    const [row] = await db.query<{ n: number }>(
      "select count(*)::int as n from shares where snapshot::text like '%sk-proj%' or snapshot::text like '%bt_pat_a%'",
    );
    expect(row?.n).toBe(0);
  });

  it("validates kind, title and snapshot size", async () => {
    expect((await rejects(createShare(alice.id, { kind: "chat", snapshot }))).param).toBe("kind");
    expect(
      (await rejects(createShare(alice.id, { kind: "playground", title: "x".repeat(201), snapshot }))).param,
    ).toBe("title");
    expect((await rejects(createShare(alice.id, { kind: "playground", snapshot: "text" }))).param).toBe(
      "snapshot",
    );
    const big = { blob: "x".repeat(SHARE_SNAPSHOT_MAX_BYTES) };
    const e = await rejects(createShare(alice.id, { kind: "playground", snapshot: big }));
    expect(e.code).toBe("snapshot_too_large");
  });

  it("accepts public only while the admin setting is on", async () => {
    expect(await getPublicShareLinks()).toBe(false);
    const e = await rejects(createShare(alice.id, { kind: "playground", snapshot, public: true }));
    expect(e.status).toBe(403);
    expect(e.code).toBe("public_links_disabled");
    expect(e.message).toMatch(/admin/);
    await setPublicShareLinks(true);
    expect(await getPublicShareLinks()).toBe(true);
    const s = await createShare(alice.id, { kind: "playground", snapshot, public: true });
    expect(s.public).toBe(true);
  });

  it("lets signed-out viewers open only public shares while public links are on", async () => {
    const priv = await createShare(alice.id, { kind: "playground", title: "private", snapshot });
    expect((await rejects(getShare(priv.id, null))).status).toBe(401);

    await setPublicShareLinks(true);
    const pub = await createShare(alice.id, { kind: "playground", title: "public", snapshot, public: true });
    const seen = await getShare(pub.id, null);
    expect(seen.snapshot).toEqual(snapshot);
    expect(seen.views).toBe(1);
    // Still private, even with the setting on.
    expect((await rejects(getShare(priv.id, null))).status).toBe(401);

    // Turning the setting off closes existing public links to signed-out viewers, not to members.
    await setPublicShareLinks(false);
    const off = await rejects(getShare(pub.id, null));
    expect(off.status).toBe(401);
    expect(off.message).toMatch(/turned off/);
    expect((await getShare(pub.id, bob)).snapshot).toEqual(snapshot);
  });

  it("goes away with its owner", async () => {
    const eve = await createUser({
      email: "eve@example.com",
      password: "long-enough-password",
      role: "member",
    });
    const s = await createShare(eve.id, { kind: "playground", snapshot });
    const db = await getDb();
    await db.query("delete from users where id = $1", [eve.id]);
    expect((await rejects(getShare(s.id, alice))).status).toBe(404);
  });
});

describe("share and sharing-settings routes", () => {
  const origin = "http://localhost:3000";
  const call = (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  ) =>
    new Request(`${origin}${path}`, {
      method: init.method ?? "GET",
      headers: {
        host: "localhost:3000",
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("serves a public share to a signed-out caller and refuses a bad bearer", async () => {
    const { GET } = await import("@/app/api/shares/[id]/route");
    await setPublicShareLinks(true);
    const s = await createShare(alice.id, { kind: "playground", title: "route", snapshot, public: true });
    const ok = await GET(call(`/api/shares/${s.id}`), params(s.id));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { share: ShareDto };
    expect(body.share.snapshot).toEqual(snapshot);
    expect(body.share.url).toBe(`/s/${s.id}`);

    const bad = await GET(
      call(`/api/shares/${s.id}`, { headers: { authorization: "Bearer bt_pat_nope" } }),
      params(s.id),
    );
    expect(bad.status).toBe(401);

    const { token } = await createToken(bob.id, { name: "reader" });
    const viaToken = await GET(
      call(`/api/shares/${s.id}`, { headers: { authorization: `Bearer ${token}` } }),
      params(s.id),
    );
    expect(viaToken.status).toBe(200);

    await revokeShare(s.id, alice.id);
    const gone = await GET(call(`/api/shares/${s.id}`), params(s.id));
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toBe(
      "This link was revoked.",
    );
  });

  it("GET sharing settings for anyone signed in; PUT for admins from the console only", async () => {
    const { GET, PUT } = await import("@/app/api/settings/sharing/route");
    const member = await createSession(bob.id, {});
    const boss = await createSession(admin.id, {});
    const cookie = (id: string) => ({ cookie: `${SESSION_COOKIE}=${id}` });

    expect((await GET(call("/api/settings/sharing"), undefined)).status).toBe(401);
    const read = await GET(call("/api/settings/sharing", { headers: cookie(member.id) }), undefined);
    expect((await read.json()) as SharingSettingsDto).toEqual({ publicShareLinks: false });

    const body = { public_share_links: true };
    const byMember = await PUT(
      call("/api/settings/sharing", { method: "PUT", headers: { ...cookie(member.id), origin }, body }),
      undefined,
    );
    expect(byMember.status).toBe(403);
    const crossSite = await PUT(
      call("/api/settings/sharing", {
        method: "PUT",
        headers: { ...cookie(boss.id), origin: "https://evil.example" },
        body,
      }),
      undefined,
    );
    expect(crossSite.status).toBe(403);
    expect(await getPublicShareLinks()).toBe(false);
    const byAdmin = await PUT(
      call("/api/settings/sharing", { method: "PUT", headers: { ...cookie(boss.id), origin }, body }),
      undefined,
    );
    expect(byAdmin.status).toBe(200);
    expect((await byAdmin.json()) as SharingSettingsDto).toEqual({ publicShareLinks: true });
    const badBody = await PUT(
      call("/api/settings/sharing", {
        method: "PUT",
        headers: { ...cookie(boss.id), origin },
        body: { public_share_links: "yes" },
      }),
      undefined,
    );
    expect(badBody.status).toBe(400);
  });
});
