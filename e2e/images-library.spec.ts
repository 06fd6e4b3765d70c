import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { request } from "@playwright/test";
import { unzipSync } from "fflate";
import pg from "pg";
import { expect, test } from "./fixtures";
import { LibraryApi, LibraryPage, signedInPage, solidPng } from "./pages/images-library";
import { E2E } from "./support/env";

const unique = (word: string) => `${word}${Date.now().toString(36)}`;
const RED: [number, number, number] = [220, 30, 30];
const GREEN: [number, number, number] = [30, 200, 60];
const BLUE: [number, number, number] = [30, 60, 220];
const WHITE: [number, number, number] = [255, 255, 255];

test("the gallery lists, filters, zips, deletes and shows lineage", async ({ page, signIn }) => {
  test.slow();
  const tag = unique("fox");
  const api = await LibraryApi.as(E2E.admin.email);
  const input = await api.save(
    { role: "input", operation: "upload", name: `${tag}-cat.png` },
    solidPng(40, 30, BLUE),
  );
  const mask = await api.save(
    { role: "mask", operation: "upload", name: `${tag}-mask.png` },
    solidPng(40, 30, WHITE),
  );
  const first = await api.save(
    {
      role: "result",
      operation: "generate",
      prompt: `A red ${tag} in snow`,
      model: "gpt-image-2",
      params: { size: "40x30", quality: "low" },
      costUsd: 0.011,
    },
    solidPng(40, 30, RED),
  );
  const edit = await api.save(
    {
      role: "result",
      operation: "edit",
      prompt: `Give the ${tag} a green hat`,
      model: "gpt-image-2.5-flare",
      parentIds: [input.id],
      maskId: mask.id,
    },
    solidPng(40, 30, GREEN),
  );
  await api.dispose();

  await signIn(page);
  const lib = new LibraryPage(page);
  await lib.goto();
  await lib.search(tag);
  // Results by default, newest first.
  await expect(lib.tiles()).toHaveCount(2);
  await expect(lib.tiles().first()).toHaveAttribute("data-id", edit.id);
  await page.getByTestId("library-model").selectOption("gpt-image-2.5-flare");
  await expect(lib.tiles()).toHaveCount(1);
  await page.getByTestId("library-model").selectOption("");
  await page.getByTestId("library-role").selectOption("");
  await expect(lib.tiles()).toHaveCount(4);
  await page.getByTestId("library-role").selectOption("input");
  await expect(lib.tiles()).toHaveCount(1);
  await expect(lib.tiles().first()).toHaveAttribute("data-id", input.id);
  await page.getByTestId("library-role").selectOption("result");
  await lib.search(`${tag} in snow`);
  await expect(lib.tiles()).toHaveCount(1);
  await lib.search(tag);
  const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
  await page.getByTestId("library-from").fill(tomorrow);
  await expect(page.getByTestId("library-empty")).toContainText("No images match");
  await page.getByTestId("library-from").fill("");
  await expect(lib.tiles()).toHaveCount(2);
  // The preview is served and decodes.
  await expect
    .poll(() =>
      lib
        .tile(first.id)
        .locator("img")
        .evaluate((i: HTMLImageElement) => i.naturalWidth),
    )
    .toBe(40);

  // Two selected → one zip holding both images byte for byte.
  await lib.select(first.id);
  await lib.select(edit.id);
  await expect(page.getByTestId("library-selected-count")).toHaveText("2 images selected");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("library-download").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^benchtop-images-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const names = Object.keys(zip).sort();
  expect(names).toEqual(
    [`a-red-${tag}-in-snow-${first.id}.png`, `give-the-${tag}-a-green-hat-${edit.id}.png`].sort(),
  );
  expect(Buffer.from(zip[`a-red-${tag}-in-snow-${first.id}.png`] ?? []).equals(first.bytes)).toBe(true);
  expect(Buffer.from(zip[`give-the-${tag}-a-green-hat-${edit.id}.png`] ?? []).equals(edit.bytes)).toBe(true);
  await page.getByRole("button", { name: "Clear" }).click();

  // The edit's page: its facts and lineage, linked both ways.
  await lib.open(edit.id);
  await expect(page.getByTestId("image-prompt-text")).toHaveText(`Give the ${tag} a green hat`);
  await expect(page.getByTestId("image-model")).toHaveText("gpt-image-2.5-flare");
  await expect(page.getByTestId("image-edit")).toHaveAttribute("href", `/images?edit=${edit.id}`);
  await expect(page.getByTestId("lineage-parents").getByTestId("lineage-link")).toHaveAttribute(
    "href",
    `/images/library/${input.id}`,
  );
  await expect(page.getByTestId("lineage-mask").getByTestId("lineage-link")).toHaveAttribute(
    "href",
    `/images/library/${mask.id}`,
  );
  await page.getByTestId("lineage-parents").getByTestId("lineage-link").click();
  await expect(page).toHaveURL(new RegExp(`/images/library/${input.id}$`));
  await expect(page.getByTestId("lineage-children").getByTestId("lineage-link")).toHaveAttribute(
    "href",
    `/images/library/${edit.id}`,
  );
  const content = await page.request.get(`/api/images/${input.id}/content?download=1`);
  expect(content.headers()["content-type"]).toBe("image/png");
  expect(content.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  expect(content.headers()["content-disposition"]).toBe(`attachment; filename="${tag}-cat.png"`);

  // Deleting the parent leaves the child whole, its link shown as deleted.
  await page.getByTestId("image-delete").click();
  await lib.acceptConfirm();
  await expect(page).toHaveURL(/\/images\/library$/);
  await page.goto(`/images/library/${edit.id}`);
  await expect(page.getByTestId("lineage-parents").getByTestId("lineage-missing")).toHaveText(
    "Deleted or not shared with you",
  );
  await expect(page.getByTestId("lineage-mask").getByTestId("lineage-link")).toHaveCount(1);

  // Delete from the gallery's selection.
  await lib.goto();
  await lib.search(tag);
  await lib.select(first.id);
  await page.getByTestId("library-delete").click();
  await lib.acceptConfirm();
  await expect(lib.tiles()).toHaveCount(1);
  await expect(lib.tiles().first()).toHaveAttribute("data-id", edit.id);
  expect((await page.request.get(`/api/images/${first.id}`)).status()).toBe(404);
});

test("a member cannot see or delete another member's private images, in the UI or the API", async ({
  page,
  signIn,
  browser,
}) => {
  const tag = unique("private");
  const alice = `alice-${tag}@example.com`;
  const bob = `bob-${tag}@example.com`;
  const aliceApi = await LibraryApi.as(alice, { create: true });
  const bobApi = await LibraryApi.as(bob, { create: true });
  const secret = await aliceApi.save(
    { role: "result", operation: "generate", prompt: `secret ${tag}`, model: "gpt-image-2" },
    solidPng(20, 20, RED),
  );
  const shared = await aliceApi.save(
    {
      role: "result",
      operation: "generate",
      prompt: `shared ${tag}`,
      model: "gpt-image-2",
      visibility: "team",
    },
    solidPng(20, 20, GREEN),
  );

  const b = bobApi.api;
  for (const url of [
    `/api/images/${secret.id}`,
    `/api/images/${secret.id}/content`,
    `/api/images/${secret.id}/thumbnail`,
    `/api/images/${secret.id}/lineage`,
  ]) {
    const r = await b.get(url);
    expect(r.status(), url).toBe(404);
    expect((await r.json()).error.code).toBe("image_not_found");
  }
  expect((await b.delete(`/api/images/${secret.id}`)).status()).toBe(404);
  expect((await b.patch(`/api/images/${secret.id}`, { data: { visibility: "team" } })).status()).toBe(404);
  // A team image: visible, but only its owner (or an admin) deletes it.
  expect((await b.get(`/api/images/${shared.id}`)).status()).toBe(200);
  const refused = await b.delete(`/api/images/${shared.id}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ type: "permission_error", code: "not_image_owner" });
  const list = await (await b.get(`/api/images?q=${tag}`)).json();
  expect(list.data.map((i: { id: string }) => i.id)).toEqual([shared.id]);

  const { context, page: other } = await signedInPage(browser, bob);
  const lib = new LibraryPage(other);
  await lib.goto();
  await lib.search(tag);
  await expect(lib.tiles()).toHaveCount(1);
  await expect(lib.tiles().first()).toHaveAttribute("data-id", shared.id);
  await lib.open(shared.id);
  await expect(other.getByTestId("image-delete")).toHaveCount(0);
  await expect(other.getByTestId("image-visibility")).toHaveCount(0);
  await other.goto(`/images/library/${secret.id}`);
  await expect(other.getByTestId("image-not-found")).toContainText("Image not found");
  await context.close();

  // Admins do not see private images either; they may delete team ones.
  await signIn(page);
  expect((await page.request.get(`/api/images/${secret.id}`)).status()).toBe(404);
  const lib2 = new LibraryPage(page);
  await lib2.goto();
  await lib2.search(tag);
  await expect(lib2.tiles()).toHaveCount(1);
  await lib2.open(shared.id);
  await page.getByTestId("image-delete").click();
  await lib2.acceptConfirm();
  await expect(page).toHaveURL(/\/images\/library$/);
  expect((await aliceApi.api.get(`/api/images/${shared.id}`)).status()).toBe(404);
  expect((await aliceApi.api.get(`/api/images/${secret.id}`)).status()).toBe(200);
  await aliceApi.dispose();
  await bobApi.dispose();
});

test("an image shared as a link opens read-only for a teammate, with its prompt, model and params", async ({
  page,
  signIn,
  browser,
}) => {
  const tag = unique("share");
  const api = await LibraryApi.as(E2E.admin.email);
  const img = await api.save(
    {
      role: "result",
      operation: "generate",
      prompt: `A lighthouse ${tag}`,
      model: "gpt-image-2",
      params: { size: "64x32", quality: "high" },
      costUsd: 0.042,
    },
    solidPng(64, 32, BLUE),
  );
  await api.dispose();
  await signIn(page);
  await page.goto(`/images/library/${img.id}`);
  await page.getByTestId("image-share").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox").first().fill(`Lighthouse ${tag}`);
  await dialog.getByTestId("create-share").click();
  const link = await dialog.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{24}$/);

  const mate = `mate-${tag}@example.com`;
  (await LibraryApi.as(mate, { create: true })).dispose();
  const { context, page: other } = await signedInPage(browser, mate);
  await other.goto(new URL(link).pathname);
  await expect(other.getByTestId("shared-image")).toBeVisible();
  await expect(other.getByTestId("share-title")).toHaveText(`Lighthouse ${tag}`);
  await expect(other.getByTestId("image-prompt-text")).toHaveText(`A lighthouse ${tag}`);
  await expect(other.getByTestId("image-model")).toHaveText("gpt-image-2");
  await expect(other.getByTestId("image-params")).toContainText("quality: high");
  await expect
    .poll(() => other.getByTestId("shared-image-img").evaluate((i: HTMLImageElement) => i.naturalWidth))
    .toBe(64);
  // The teammate keeps a copy in their own library.
  await other.getByRole("button", { name: "Save to my library" }).click();
  await expect(other).toHaveURL(/\/images\/library\/img_/);
  await expect(other.getByTestId("image-prompt-text")).toHaveText(`A lighthouse ${tag}`);
  await context.close();
});

test("admins set retention and the size cap in Settings", async ({ page, signIn }) => {
  await signIn(page);
  await page.goto("/settings?tab=playground");
  const state = page.getByTestId("images-settings-state");
  await expect(state).toHaveText("Images are kept until their owner deletes them; each may be up to 25 MB.");
  await page.getByTestId("images-retention-days").fill("3650");
  await page.getByTestId("images-max-mb").fill("30");
  await page.getByTestId("images-settings-save").click();
  await page.getByRole("dialog").getByTestId("confirm-ok").click();
  await expect(state).toHaveText("Images are kept for 3,650 days; each may be up to 30 MB.");
  await page.getByTestId("images-retention-days").fill("0");
  await page.getByTestId("images-max-mb").fill("25");
  await page.getByTestId("images-settings-save").click();
  await expect(state).toHaveText("Images are kept until their owner deletes them; each may be up to 25 MB.");
});

/**
 * A second console from the build, on its own port and DATA_DIR (or database): images stored before
 * a restart are there after it, byte for byte; the size cap answers 413 in OpenAI's error shape; a
 * retention setting deletes images past it (aged by hand in the stopped console's database).
 */
test.describe("on a console of its own", () => {
  const dataDir = path.resolve("test-results/e2e-images-restart-data");
  const databaseUrl = E2E.databaseUrl ? withDatabase(E2E.databaseUrl, "benchtop_e2e_images") : undefined;
  const port = E2E.consolePort + 50;
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...E2E.consoleEnv,
    PORT: String(port),
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  delete env.E2E_LOG_FILE;

  async function start(): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
    const child = spawn("node", [".next/standalone/benchtop-server.cjs"], { env, stdio: "ignore" });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await expect
      .poll(
        () =>
          fetch(`${baseURL}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    return {
      child,
      stop: async () => {
        child.kill("SIGTERM");
        await exited;
      },
    };
  }

  async function client() {
    const token = execFileSync(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "lib/server/ops/cli.ts",
        "token:create",
        "--email",
        E2E.admin.email,
        "--name",
        unique("restart"),
      ],
      { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    ).trim();
    return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  }

  async function sql(text: string): Promise<void> {
    if (databaseUrl) {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(text).finally(() => c.end());
      return;
    }
    const db = await PGlite.create(path.join(dataDir, "pglite"));
    await db.query(text).finally(() => db.close());
  }

  test("images survive a restart; the size cap and retention hold", async () => {
    test.setTimeout(180_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await freshDatabase(databaseUrl);
    const big = solidPng(600, 400, RED);
    const first = await start();
    let keep: string;
    let old: string;
    try {
      const api = await client();
      const save = async (prompt: string, image: Buffer, thumbnail?: Buffer) =>
        api.post("/api/images", {
          multipart: {
            meta: JSON.stringify({ role: "result", operation: "generate", prompt, model: "gpt-image-2" }),
            image: { name: "i.png", mimeType: "image/png", buffer: image },
            ...(thumbnail ? { thumbnail: { name: "t.png", mimeType: "image/png", buffer: thumbnail } } : {}),
          },
        });
      const r1 = await save("kept across a restart", big, solidPng(256, 170, RED));
      expect(r1.status()).toBe(201);
      keep = (await r1.json()).image.id;
      const r2 = await save("made long ago", solidPng(8, 8, GREEN));
      old = (await r2.json()).image.id;
      // Not an image at all: refused, whatever the client calls it.
      const fake = await save("fake", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"));
      expect(fake.status()).toBe(400);
      expect((await fake.json()).error.code).toBe("invalid_image");
      // The cap: 1 MB, and a 1.2 MB body.
      const put = await api.put("/api/images/settings", { data: { retention_days: 0, max_image_mb: 1 } });
      expect(put.status()).toBe(200);
      const tooBig = await save(
        "too big",
        Buffer.concat([big, Buffer.alloc(1_300_000)]),
        solidPng(16, 16, RED),
      );
      expect(tooBig.status()).toBe(413);
      expect((await tooBig.json()).error).toMatchObject({
        type: "invalid_request_error",
        code: "image_too_large",
        param: "image",
      });
      await api.dispose();
    } finally {
      await first.stop();
    }
    await sql(`update images set created_at = now() - interval '100 days' where id = '${old}'`);

    const second = await start();
    try {
      const api = await client();
      const list = await (await api.get("/api/images")).json();
      expect(list.data.map((i: { id: string }) => i.id)).toEqual([keep, old]);
      const bytes = await (await api.get(`/api/images/${keep}/content`)).body();
      expect(bytes.equals(big)).toBe(true);
      expect((await api.get("/api/images/settings").then((r) => r.json())).maxImageMb).toBe(1);
      // 90 days: the 100-day-old image goes at once.
      await api.put("/api/images/settings", { data: { retention_days: 90, max_image_mb: 25 } });
      const after = await (await api.get("/api/images")).json();
      expect(after.data.map((i: { id: string }) => i.id)).toEqual([keep]);
      expect((await api.get(`/api/images/${old}`)).status()).toBe(404);
      await api.dispose();
    } finally {
      await second.stop();
    }
  });
});

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freshDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  const name = new URL(url).pathname.slice(1);
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
}
