import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as myHeadroom } from "@/app/api/budgets/me/route";
import { DELETE as clearBudget, GET as listBudgets, PUT as putBudget } from "@/app/api/budgets/route";
import { POST as dismiss } from "@/app/api/notices/[id]/dismiss/route";
import { GET as listNotices } from "@/app/api/notices/route";
import type { BudgetEntry, Headroom, Notice } from "@/lib/budgets/types";
import { EMPTY_LIMITS } from "@/lib/budgets/types";
import { createToken } from "@/lib/server/auth/tokens";
import { asBrowser, ORIGIN, type Stack, startStack } from "../security/harness";

let stack: Stack;
const noCtx = undefined as never;
const put = (who: Stack["admin"], body: unknown) =>
  putBudget(asBrowser(who, "/api/budgets", { method: "PUT", body: JSON.stringify(body) }), noCtx);
const asToken = (token: string, path: string) =>
  new Request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe("/api/budgets (admin)", () => {
  it("refuses members: 403 on read, write and clear", async () => {
    const m = stack.member;
    expect((await listBudgets(asBrowser(m, "/api/budgets"), noCtx)).status).toBe(403);
    const body = { subject: { kind: "team", id: null }, settings: EMPTY_LIMITS };
    expect((await put(m, body)).status).toBe(403);
    const del = asBrowser(m, "/api/budgets?kind=team", { method: "DELETE" });
    expect((await clearBudget(del, noCtx)).status).toBe(403);
  });

  it("answers bad input with 400 and the param", async () => {
    const bad = await put(stack.admin, {
      subject: { kind: "user", id: stack.member.user.id },
      settings: { ...EMPTY_LIMITS, rpm: 0 },
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.param).toBe("settings.rpm");
    expect(error.message).toMatch(/at least 1/);
    const missing = await put(stack.admin, {
      subject: { kind: "token", id: "tok_nope" },
      settings: EMPTY_LIMITS,
    });
    expect(missing.status).toBe(404);
    const del = asBrowser(stack.admin, "/api/budgets?kind=org", { method: "DELETE" });
    expect((await clearBudget(del, noCtx)).status).toBe(400);
  });

  it("stores a user's limits, lists them labelled, and clears them", async () => {
    const subject = { kind: "user", id: stack.member.user.id };
    const settings = { ...EMPTY_LIMITS, usdPerDayMicros: 2_000_000, rpm: 30 };
    expect((await put(stack.admin, { subject, settings })).status).toBe(200);
    const list = (await (await listBudgets(asBrowser(stack.admin, "/api/budgets"), noCtx)).json()) as {
      data: BudgetEntry[];
    };
    const mine = list.data.find((e) => e.subject.kind === "user" && e.subject.id === stack.member.user.id);
    expect(mine?.settings).toMatchObject(settings);
    expect(mine?.label).toContain("member@security.test");
    expect(mine?.usage?.map((u) => u.code).sort()).toEqual(["budget_exceeded", "rpm_exceeded"]);

    const del = asBrowser(stack.admin, `/api/budgets?kind=user&id=${stack.member.user.id}`, {
      method: "DELETE",
    });
    expect((await clearBudget(del, noCtx)).status).toBe(200);
    const after = (await (await listBudgets(asBrowser(stack.admin, "/api/budgets"), noCtx)).json()) as {
      data: BudgetEntry[];
    };
    expect(after.data.some((e) => e.subject.id === stack.member.user.id)).toBe(false);
  });
});

describe("/api/budgets/me and /api/notices (everyone)", () => {
  it("shows a member their own headroom, with a session or a token", async () => {
    const subject = { kind: "user", id: stack.member.user.id };
    await put(stack.admin, { subject, settings: { ...EMPTY_LIMITS, usdPerDayMicros: 1_000_000 } });
    try {
      for (const req of [
        asBrowser(stack.member, "/api/budgets/me"),
        asToken(stack.member.token, "/api/budgets/me"),
      ]) {
        const res = await myHeadroom(req, noCtx);
        expect(res.status).toBe(200);
        const room = (await res.json()) as Headroom;
        expect(room.limits.find((l) => l.code === "budget_exceeded")).toMatchObject({
          limit: 1_000_000,
          from: "own",
        });
      }
      const adminRoom = (await (
        await myHeadroom(asBrowser(stack.admin, "/api/budgets/me"), noCtx)
      ).json()) as Headroom;
      expect(adminRoom.limits).toEqual([]);
    } finally {
      await clearBudget(
        asBrowser(stack.admin, `/api/budgets?kind=user&id=${stack.member.user.id}`, { method: "DELETE" }),
        noCtx,
      );
    }
  });

  it("shows a person their tokens' own limits, labelled, beside their account's", async () => {
    const { info } = await createToken(stack.member.user.id, { name: "nightly script" });
    const subject = { kind: "token", id: info.id };
    await put(stack.admin, { subject, settings: { ...EMPTY_LIMITS, usdPerDayMicros: 10_000 } });
    try {
      const room = (await (
        await myHeadroom(asBrowser(stack.member, "/api/budgets/me"), noCtx)
      ).json()) as Headroom;
      expect(room.limits).toEqual([
        expect.objectContaining({ code: "budget_exceeded", limit: 10_000, label: "nightly script", subject }),
      ]);
      // Another token's view does not carry it.
      const other = (await (
        await myHeadroom(asToken(stack.member.token, "/api/budgets/me"), noCtx)
      ).json()) as Headroom;
      expect(other.limits).toEqual([]);
    } finally {
      await clearBudget(
        asBrowser(stack.admin, `/api/budgets?kind=token&id=${info.id}`, { method: "DELETE" }),
        noCtx,
      );
    }
  });

  it("lists own notices and cannot dismiss another person's", async () => {
    const res = await listNotices(asBrowser(stack.member, "/api/notices"), noCtx);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: Notice[] }).data).toEqual(expect.any(Array));
    const ctx = { params: Promise.resolve({ id: "ntc_not_mine" }) };
    const r = await dismiss(
      asBrowser(stack.member, "/api/notices/ntc_not_mine/dismiss", { body: "{}" }),
      ctx,
    );
    expect(r.status).toBe(404);
    const badId = { params: Promise.resolve({ id: "../x" }) };
    expect(
      (await dismiss(asBrowser(stack.member, "/api/notices/x/dismiss", { body: "{}" }), badId)).status,
    ).toBe(400);
  });

  it("is signed-in only", async () => {
    const anon = new Request(`${ORIGIN}/api/budgets/me`);
    expect((await myHeadroom(anon, noCtx)).status).toBe(401);
    expect((await listNotices(new Request(`${ORIGIN}/api/notices`), noCtx)).status).toBe(401);
  });
});
