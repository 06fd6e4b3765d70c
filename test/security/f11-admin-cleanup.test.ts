import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { DELETE as revokeUserShare } from "@/app/api/users/[id]/shares/[shareId]/route";
import { GET as listUserShares, DELETE as revokeAllShares } from "@/app/api/users/[id]/shares/route";
import { DELETE as revokeUserToken } from "@/app/api/users/[id]/tokens/[tokenId]/route";
import { GET as listUserTokens, DELETE as revokeAllTokens } from "@/app/api/users/[id]/tokens/route";
import { createToken } from "@/lib/server/auth/tokens";
import { createUser } from "@/lib/server/auth/users";
import { getDb } from "@/lib/server/db";
import { migrations } from "@/lib/server/db/migrations";
import { runCommand } from "@/lib/server/ops/commands";
import { setPublicShareLinks } from "@/lib/server/settings";
import { createShare, getShare } from "@/lib/server/shares";
import type { ShareDto, TokenDto } from "@/lib/types";
import { asBrowser, type Person, type Stack, startStack } from "./harness";

/**
 * F11: admins could neither see nor revoke another user's tokens and share links, a disabled user's
 * links stayed live, and re-enabling a user brought all their old tokens back.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // Public links are the ones strangers hold, so the leaver's links below are public.
  await setPublicShareLinks(true);
});
afterAll(async () => {
  await stack?.close();
});

/** A well-formed tokenizer snapshot, so the links below pass snapshot validation. */
const SNAPSHOT = { version: 1, mode: "text", encoding: "cl100k_base", model: "gpt-4", text: "hi" };

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

/** What a script holding the token gets from the proxy. */
async function proxyStatus(token: string): Promise<number> {
  const res = await fetch(`${stack.proxyUrl}/api/v1/models`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

/** What someone holding the link gets: the share, or the error's status. */
async function shareStatus(id: string, viewer: Person | null): Promise<number> {
  try {
    await getShare(id, viewer ? viewer.user : null);
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

async function personWithLink(email: string) {
  const user = await createUser({ email, password: "correct-horse-battery", role: "member" });
  const { token, info } = await createToken(user.id, { name: "ci script" });
  const share = await createShare(user.id, {
    kind: "tokenizer",
    title: "my run",
    snapshot: SNAPSHOT,
    public: true,
  });
  return { user, token, tokenId: info.id, share };
}

describe("an admin cleans up after a member", () => {
  it("lists the member's tokens and revokes one; the script holding it gets 401", async () => {
    const m = await personWithLink("tok-owner@security.test");
    const res = await listUserTokens(
      asBrowser(stack.admin, `/api/users/${m.user.id}/tokens`),
      ctx({ id: m.user.id }),
    );
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: TokenDto[] };
    expect(data.map((t) => t.id)).toEqual([m.tokenId]);
    expect(JSON.stringify(data)).not.toContain(m.token);
    expect(await proxyStatus(m.token)).toBe(200);

    const del = await revokeUserToken(
      asBrowser(stack.admin, `/api/users/${m.user.id}/tokens/${m.tokenId}`, { method: "DELETE" }),
      ctx({ id: m.user.id, tokenId: m.tokenId }),
    );
    expect(del.status).toBe(200);
    expect(await proxyStatus(m.token)).toBe(401);
  });

  it("lists the member's share links and revokes one; the link stops opening", async () => {
    const m = await personWithLink("share-owner@security.test");
    const res = await listUserShares(
      asBrowser(stack.admin, `/api/users/${m.user.id}/shares`),
      ctx({ id: m.user.id }),
    );
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: ShareDto[] };
    expect(data.map((s) => s.id)).toEqual([m.share.id]);
    expect(await shareStatus(m.share.id, stack.member)).toBe(200);

    const del = await revokeUserShare(
      asBrowser(stack.admin, `/api/users/${m.user.id}/shares/${m.share.id}`, { method: "DELETE" }),
      ctx({ id: m.user.id, shareId: m.share.id }),
    );
    expect(del.status).toBe(200);
    expect(await shareStatus(m.share.id, stack.member)).toBe(410);
  });

  it("revokes all of a member's tokens and links at once, and says how many", async () => {
    const m = await personWithLink("all@security.test");
    await createToken(m.user.id, { name: "second" });
    const t = await revokeAllTokens(
      asBrowser(stack.admin, `/api/users/${m.user.id}/tokens`, { method: "DELETE" }),
      ctx({ id: m.user.id }),
    );
    expect(await t.json()).toEqual({ revoked: 2 });
    const s = await revokeAllShares(
      asBrowser(stack.admin, `/api/users/${m.user.id}/shares`, { method: "DELETE" }),
      ctx({ id: m.user.id }),
    );
    expect(await s.json()).toEqual({ revoked: 1 });
    expect(await proxyStatus(m.token)).toBe(401);
    expect(await shareStatus(m.share.id, stack.member)).toBe(410);
  });

  it("does not revoke one user's token or link through another user's path (404)", async () => {
    const a = await personWithLink("path-a@security.test");
    const b = await personWithLink("path-b@security.test");
    const t = await revokeUserToken(
      asBrowser(stack.admin, `/api/users/${b.user.id}/tokens/${a.tokenId}`, { method: "DELETE" }),
      ctx({ id: b.user.id, tokenId: a.tokenId }),
    );
    expect(t.status).toBe(404);
    const s = await revokeUserShare(
      asBrowser(stack.admin, `/api/users/${b.user.id}/shares/${a.share.id}`, { method: "DELETE" }),
      ctx({ id: b.user.id, shareId: a.share.id }),
    );
    expect(s.status).toBe(404);
    expect(await proxyStatus(a.token)).toBe(200);
    expect(await shareStatus(a.share.id, stack.member)).toBe(200);
  });

  it("answers 404 for a user that does not exist", async () => {
    const res = await listUserTokens(
      asBrowser(stack.admin, "/api/users/usr_nope/tokens"),
      ctx({ id: "usr_nope" }),
    );
    expect(res.status).toBe(404);
  });
});

describe("a member cannot do it to others", () => {
  it("gets 403 listing or revoking another user's tokens and links, and nothing changes", async () => {
    const a = stack.admin;
    const { info } = await createToken(a.user.id, { name: "admin script" });
    const share = await createShare(a.user.id, { kind: "tokenizer", snapshot: SNAPSHOT });
    const calls = [
      listUserTokens(asBrowser(stack.member, `/api/users/${a.user.id}/tokens`), ctx({ id: a.user.id })),
      listUserShares(asBrowser(stack.member, `/api/users/${a.user.id}/shares`), ctx({ id: a.user.id })),
      revokeUserToken(
        asBrowser(stack.member, `/api/users/${a.user.id}/tokens/${info.id}`, { method: "DELETE" }),
        ctx({ id: a.user.id, tokenId: info.id }),
      ),
      revokeUserShare(
        asBrowser(stack.member, `/api/users/${a.user.id}/shares/${share.id}`, { method: "DELETE" }),
        ctx({ id: a.user.id, shareId: share.id }),
      ),
      revokeAllTokens(
        asBrowser(stack.member, `/api/users/${a.user.id}/tokens`, { method: "DELETE" }),
        ctx({ id: a.user.id }),
      ),
      revokeAllShares(
        asBrowser(stack.member, `/api/users/${a.user.id}/shares`, { method: "DELETE" }),
        ctx({ id: a.user.id }),
      ),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
    expect(await proxyStatus(a.token)).toBe(200);
    expect(await shareStatus(share.id, stack.member)).toBe(200);
  });
});

describe("disabling a user", () => {
  it("ends their links and tokens, and re-enabling brings neither back", async () => {
    const m = await personWithLink("leaver@security.test");
    expect(await proxyStatus(m.token)).toBe(200);
    expect(await shareStatus(m.share.id, null)).toBe(200);
    const disable = await patchUser(
      asBrowser(stack.admin, `/api/users/${m.user.id}`, { method: "PATCH", body: '{"disabled":true}' }),
      ctx({ id: m.user.id }),
    );
    expect(disable.status).toBe(200);
    expect(await shareStatus(m.share.id, null)).toBe(410);
    expect(await shareStatus(m.share.id, stack.member)).toBe(410);
    expect(await proxyStatus(m.token)).toBe(401);

    const enable = await patchUser(
      asBrowser(stack.admin, `/api/users/${m.user.id}`, { method: "PATCH", body: '{"disabled":false}' }),
      ctx({ id: m.user.id }),
    );
    expect(enable.status).toBe(200);
    expect(await proxyStatus(m.token)).toBe(401);
    expect(await shareStatus(m.share.id, null)).toBe(410);
  });

  it("from the CLI does the same (user:disable, user:enable)", async () => {
    const m = await personWithLink("cli-leaver@security.test");
    await runCommand("user:disable", { email: m.user.email });
    await runCommand("user:enable", { email: m.user.email });
    expect(await proxyStatus(m.token)).toBe(401);
    expect(await shareStatus(m.share.id, stack.member)).toBe(410);
  });
});

describe("the ops CLI", () => {
  it("token:revoke --id revokes any user's token", async () => {
    const m = await personWithLink("cli-token@security.test");
    const out = (await runCommand("token:revoke", { id: m.tokenId })) as { token: TokenDto };
    expect(out.token.revokedAt).not.toBeNull();
    expect(await proxyStatus(m.token)).toBe(401);
    await expect(runCommand("token:revoke", { id: "tok_nope" })).rejects.toMatchObject({ status: 404 });
  });

  it("share:list shows links with their owner, filtered by --email; share:revoke --id ends one", async () => {
    const m = await personWithLink("cli-share@security.test");
    const mine = (await runCommand("share:list", { email: m.user.email })) as {
      shares: (ShareDto & { ownerEmail: string })[];
    };
    expect(mine.shares.map((s) => [s.id, s.ownerEmail])).toEqual([[m.share.id, m.user.email]]);
    const all = (await runCommand("share:list", {})) as { shares: ShareDto[] };
    expect(all.shares.length).toBeGreaterThan(1);
    expect(JSON.stringify(all)).not.toContain('"snapshot"');

    const out = (await runCommand("share:revoke", { id: m.share.id })) as { share: ShareDto };
    expect(out.share.revokedAt).not.toBeNull();
    expect(await shareStatus(m.share.id, stack.member)).toBe(410);
    await expect(runCommand("share:revoke", { id: "x".repeat(24) })).rejects.toMatchObject({ status: 404 });
  });
});

describe("migration 0006_admin_cleanup", () => {
  it("revokes what users disabled before the upgrade still held, and nothing of active users", async () => {
    const old = await personWithLink("disabled-long-ago@security.test");
    const active = await personWithLink("still-here@security.test");
    const db = await getDb();
    // As an older version disabled: the user only, tokens and links untouched.
    await db.query("update users set disabled_at = now() where id = $1", [old.user.id]);
    const m = migrations.find((x) => x.id === "0006_admin_cleanup");
    await db.exec(m?.sql ?? "");
    await runCommand("user:enable", { email: old.user.email });
    expect(await proxyStatus(old.token)).toBe(401);
    expect(await shareStatus(old.share.id, null)).toBe(410);
    expect(await proxyStatus(active.token)).toBe(200);
    expect(await shareStatus(active.share.id, null)).toBe(200);
  });
});
