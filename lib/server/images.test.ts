import { encode } from "fast-png";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import type { SaveImageMeta } from "@/lib/images/schema";
import { useFreshDb } from "@/test/db";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { getDb } from "./db";
import {
  DEFAULT_MAX_IMAGE_MB,
  DEFAULT_RETENTION_DAYS,
  deleteImage,
  getImage,
  getImageBytes,
  getImageSettings,
  getLineage,
  imageModels,
  listImages,
  saveImage,
  setImageSettings,
  setVisibility,
  sniffImage,
} from "./images";

let cleanup: () => Promise<void>;
let alice: User;
let bob: User;
let admin: User;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
  admin = await createUser({ email: "root@example.com", password: "long-enough-password", role: "admin" });
});
afterAll(async () => {
  resetConfigForTests();
  await cleanup();
});
beforeEach(async () => {
  await setImageSettings({ retentionDays: 0, maxImageMb: DEFAULT_MAX_IMAGE_MB });
  await (await getDb()).query("delete from images");
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

const png = (width: number, height: number) =>
  encode({ width, height, data: new Uint8Array(width * height * 4).fill(200), channels: 4, depth: 8 });

const meta = (patch: Partial<SaveImageMeta> = {}): SaveImageMeta => ({
  role: "result",
  operation: "generate",
  prompt: "A red fox in snow",
  model: "gpt-image-2",
  params: { size: "64x48", quality: "low" },
  ...patch,
});

const save = (owner: User, patch: Partial<SaveImageMeta> = {}, image = png(64, 48)) =>
  saveImage(owner.id, { meta: meta(patch), image, thumbnail: null });

describe("sniffImage", () => {
  it("reads the type and size from the bytes", () => {
    expect(sniffImage(png(30, 20), "image")).toEqual({ format: "png", width: 30, height: 20 });
  });
  it("refuses what is not a PNG, JPEG, WebP or GIF", () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(() => sniffImage(svg, "image")).toThrow(/not a PNG, JPEG, WebP or GIF/);
    expect(() => sniffImage(new Uint8Array([1, 2, 3]), "thumbnail")).toThrow(/thumbnail/);
  });
});

describe("saveImage", () => {
  it("stores the bytes with width and height from the bytes, private by default", async () => {
    const img = await save(alice, { params: { size: "1024x1024" } });
    expect(img).toMatchObject({
      ownerId: alice.id,
      ownerEmail: "alice@example.com",
      width: 64,
      height: 48,
      format: "png",
      visibility: "private",
      prompt: "A red fox in snow",
      parentIds: [],
      contentUrl: `/api/images/${img.id}/content`,
    });
    const bytes = await getImageBytes(alice.id, img.id, "content");
    expect(bytes.contentType).toBe("image/png");
    expect(Buffer.from(bytes.bytes).equals(Buffer.from(png(64, 48)))).toBe(true);
    // A small image is its own thumbnail.
    expect((await getImageBytes(alice.id, img.id, "thumbnail")).bytes.byteLength).toBe(img.bytes);
  });

  it("asks for a thumbnail for a large image and checks the one it gets", async () => {
    const big = png(600, 600);
    expect((await rejects(saveImage(alice.id, { meta: meta(), image: big, thumbnail: null }))).code).toBe(
      "thumbnail_required",
    );
    expect(
      (await rejects(saveImage(alice.id, { meta: meta(), image: big, thumbnail: png(600, 10) }))).code,
    ).toBe("invalid_thumbnail");
    const ok = await saveImage(alice.id, { meta: meta(), image: big, thumbnail: png(256, 256) });
    expect((await getImageBytes(alice.id, ok.id, "thumbnail")).bytes.byteLength).toBeLessThan(ok.bytes);
  });

  it("refuses an image over the admin's cap with a 413", async () => {
    await setImageSettings({ retentionDays: 0, maxImageMb: 1 });
    const e = await rejects(save(alice, {}, new Uint8Array(1024 * 1024 + 1)));
    expect(e.status).toBe(413);
    expect(e.code).toBe("image_too_large");
  });

  it("refuses bad metadata and lineage the owner cannot see", async () => {
    expect(
      (await rejects(saveImage(alice.id, { meta: { role: "nope" }, image: png(4, 4), thumbnail: null })))
        .param,
    ).toBe("meta.role");
    const bobs = await save(bob);
    const e = await rejects(save(alice, { operation: "edit", parentIds: [bobs.id] }));
    expect(e.param).toBe("meta.parentIds.0");
  });

  it("masks secrets typed into the prompt", async () => {
    const img = await save(alice, { prompt: "use sk-proj-abcdefghijklmnopqrstuvwxyz0123456789 please" });
    expect(img.prompt).not.toContain("abcdefghijklmnopqrstuvwxyz");
  });
});

describe("privacy", () => {
  it("hides a private image from everyone else, admins included, as not found", async () => {
    const img = await save(alice);
    for (const who of [bob, admin]) {
      expect((await rejects(getImage(who.id, img.id))).status).toBe(404);
      expect((await rejects(getImageBytes(who.id, img.id, "content"))).status).toBe(404);
      expect((await rejects(deleteImage(who, img.id))).status).toBe(404);
      expect((await listImages(who.id)).data).toEqual([]);
    }
    expect((await rejects(setVisibility(bob.id, img.id, "team"))).status).toBe(404);
  });

  it("shows a team image to members; only the owner or an admin deletes it", async () => {
    const img = await save(alice, { visibility: "team" });
    expect((await getImage(bob.id, img.id)).id).toBe(img.id);
    expect((await rejects(deleteImage(bob, img.id))).status).toBe(403);
    expect((await rejects(setVisibility(bob.id, img.id, "private"))).status).toBe(403);
    await deleteImage(admin, img.id);
    expect((await rejects(getImage(alice.id, img.id))).status).toBe(404);
  });

  it("lets the owner change the visibility", async () => {
    const img = await save(alice);
    await setVisibility(alice.id, img.id, "team");
    expect((await listImages(bob.id)).data.map((i) => i.id)).toEqual([img.id]);
  });
});

describe("listImages", () => {
  it("filters by scope, role, model, text and date, and pages by cursor", async () => {
    const a1 = await save(alice, { prompt: "A blue whale" });
    const a2 = await save(alice, {
      role: "input",
      operation: "upload",
      model: null,
      prompt: null,
      name: "cat.png",
    });
    const b1 = await save(bob, { visibility: "team", model: "gpt-image-2.5-flare", prompt: "Whale song" });
    await save(bob, { prompt: "bob's own" });
    const ids = async (o: Parameters<typeof listImages>[1]) =>
      (await listImages(alice.id, o)).data.map((i) => i.id);
    expect(await ids({})).toEqual([b1.id, a2.id, a1.id]);
    expect(await ids({ scope: "mine" })).toEqual([a2.id, a1.id]);
    expect(await ids({ scope: "team" })).toEqual([b1.id]);
    expect(await ids({ role: "result" })).toEqual([b1.id, a1.id]);
    expect(await ids({ model: "gpt-image-2.5-flare" })).toEqual([b1.id]);
    expect(await ids({ q: "WHALE" })).toEqual([b1.id, a1.id]);
    expect(await ids({ q: "cat" })).toEqual([a2.id]);
    expect(await ids({ q: "100%" })).toEqual([]);
    expect(await ids({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await ids({ to: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(3);
    expect((await rejects(listImages(alice.id, { from: "yesterday-ish" }))).param).toBe("from");

    const first = await listImages(alice.id, { limit: 2 });
    expect(first.data.map((i) => i.id)).toEqual([b1.id, a2.id]);
    const second = await listImages(alice.id, { limit: 2, cursor: first.nextCursor ?? "" });
    expect(second.data.map((i) => i.id)).toEqual([a1.id]);
    expect(second.nextCursor).toBeNull();
    expect(await imageModels(alice.id)).toEqual(["gpt-image-2", "gpt-image-2.5-flare"]);
  });
});

describe("lineage", () => {
  it("links parents, mask and children, and keeps children safe when a parent goes", async () => {
    const input = await save(alice, { role: "input", operation: "upload" });
    const mask = await save(alice, { role: "mask", operation: "upload" });
    const edit = await save(alice, { operation: "edit", parentIds: [input.id], maskId: mask.id });
    expect(edit.parentIds).toEqual([input.id]);
    expect(edit.maskId).toBe(mask.id);
    const l = await getLineage(alice.id, edit.id);
    expect(l.parents.map((p) => p.image?.id)).toEqual([input.id]);
    expect(l.mask?.image?.id).toBe(mask.id);
    expect((await getLineage(alice.id, input.id)).children.map((c) => c.id)).toEqual([edit.id]);

    await deleteImage(alice, input.id);
    const after = await getLineage(alice.id, edit.id);
    expect(after.parents).toEqual([{ id: input.id, image: null }]);
    expect((await getImage(alice.id, edit.id)).parentIds).toEqual([input.id]);
  });
});

describe("retention", () => {
  it("keeps images for ever by default and deletes the ones past a new retention at once", async () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(0);
    const old = await save(alice);
    const fresh = await save(alice);
    await (await getDb()).query("update images set created_at = now() - interval '40 days' where id = $1", [
      old.id,
    ]);
    expect((await listImages(alice.id)).data).toHaveLength(2);
    await setImageSettings({ retentionDays: 30, maxImageMb: 25 });
    expect(await getImageSettings()).toEqual({ retentionDays: 30, maxImageMb: 25 });
    expect((await listImages(alice.id)).data.map((i) => i.id)).toEqual([fresh.id]);
    expect((await rejects(getImage(alice.id, old.id))).status).toBe(404);
  });
});
