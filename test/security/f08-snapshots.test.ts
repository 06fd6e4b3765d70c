import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createPresetRoute } from "@/app/api/presets/route";
import { GET as getShareRoute } from "@/app/api/shares/[id]/route";
import { POST as createShareRoute } from "@/app/api/shares/route";
import { getDb } from "@/lib/server/db";
import { asBrowser, type Stack, startStack } from "./harness";
import { BAD_SHAPES, badSnapshot, validSnapshot } from "./snapshot-shapes";

/**
 * F8: playground snapshots (shares and presets) are validated on write with the drafts' schema, and
 * a stored snapshot that does not parse reads as "cannot be shown", never as data that crashes the
 * page. F12: a share keeps no remote image URL that a viewer's browser would load.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack.close());

async function share(snapshot: unknown, kind = "playground") {
  const res = await createShareRoute(
    asBrowser(stack.member, "/api/shares", { body: JSON.stringify({ kind, title: "t", snapshot }) }),
    undefined,
  );
  return { status: res.status, body: (await res.json()) as Record<string, Any> };
}
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely.
type Any = any;

async function readShare(id: string) {
  const res = await getShareRoute(asBrowser(stack.admin, `/api/shares/${id}`), {
    params: Promise.resolve({ id }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, Any> };
}

describe("F8: snapshots are validated on write", () => {
  it("accepts a well-formed playground snapshot", async () => {
    const r = await share(validSnapshot());
    expect(r.status).toBe(201);
    const read = await readShare(r.body.share.id);
    expect(read.status).toBe(200);
    expect(read.body.share.snapshot.setup.params.stop).toEqual(["END"]);
  });

  it.each(BAD_SHAPES.map((s) => [s.name, s] as const))(
    "refuses %s with a 400 naming the path",
    async (_, shape) => {
      const r = await share(badSnapshot(shape));
      expect(r.status).toBe(400);
      expect(r.body.error.param).toMatch(new RegExp(`^snapshot\\.${shape.path.replaceAll(".", "\\.")}`));
      expect(r.body.error.message).toContain(shape.path);
      expect(JSON.stringify(r.body)).not.toMatch(/at .+\.(ts|js):\d+/);
    },
  );

  it("refuses a malformed tokenizer snapshot", async () => {
    const r = await share({ version: 1, mode: "text", encoding: "o200k_base", text: 5 }, "tokenizer");
    expect(r.status).toBe(400);
    expect(r.body.error.param).toMatch(/^snapshot/);
  });

  it("refuses a preset whose setup does not parse, naming the path", async () => {
    const setup = validSnapshot().setup as Any;
    setup.params.stop = "abc";
    const res = await createPresetRoute(
      asBrowser(stack.member, "/api/presets", {
        body: JSON.stringify({ name: "bad", kind: "playground", state: { setup } }),
      }),
      undefined,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as Any;
    expect(body.error.param).toBe("state.setup.params.stop");
  });
});

describe("F8: a stored snapshot that does not parse", () => {
  it("reads as 'cannot be shown' (written before validation existed)", async () => {
    const db = await getDb();
    const bad = badSnapshot(BAD_SHAPES[0] as (typeof BAD_SHAPES)[number]);
    const id = "legacy_bad_share_0123456789abcdef";
    await db.query(
      "insert into shares (id, owner_id, kind, title, snapshot, public) values ($1, $2, 'playground', 'old', $3::jsonb, false)",
      [id, stack.member.user.id, JSON.stringify(bad)],
    );
    const r = await readShare(id);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("share_unreadable");
    expect(r.body.error.message).toMatch(/cannot be shown/);
    expect(r.body.error.message).toContain("setup.params.stop");
    expect(JSON.stringify(r.body)).not.toContain("abc");
  });
});

describe("F12: no remote image URL is kept in a share", () => {
  it("strips a remote image into a text marker, keeps inline images", async () => {
    const s = validSnapshot() as Any;
    const pixel = "https://tracker.example/pixel.png?u=1";
    const inline = "data:image/png;base64,iVBORw0KGgo=";
    s.setup.messages[0].images = [
      { id: "i1", url: pixel, detail: "auto" },
      { id: "i2", url: inline, detail: "low", name: "dot.png" },
    ];
    s.columns[0].setup.messages[0].images = [{ id: "i3", url: "http://other.example/x.gif", detail: "auto" }];
    const r = await share(s);
    expect(r.status).toBe(201);
    const read = await readShare(r.body.share.id);
    const snap = read.body.share.snapshot;
    const urls = [snap.setup, snap.columns[0].setup].flatMap((x: Any) =>
      x.messages.flatMap((m: Any) => m.images.map((i: Any) => i.url)),
    );
    expect(urls).toEqual([inline]);
    expect(snap.setup.messages[0].omittedImages).toEqual([{ url: pixel, detail: "auto" }]);
    expect(snap.columns[0].setup.messages[0].omittedImages).toEqual([
      { url: "http://other.example/x.gif", detail: "auto" },
    ]);
  });
});
