import type { Page } from "@playwright/test";
import OpenAI from "openai";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

const DOCS = {
  apples: "Apples grow on trees in orchards. Apple harvest happens in autumn and apples keep for months.",
  rockets: "Rockets burn fuel to reach orbit. A rocket engine pushes exhaust out of a nozzle.",
};

async function newStore(page: Page, name: string, extra?: (p: Page) => Promise<void>) {
  await page.goto("/vector-stores");
  await page.getByTestId("new-store").click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await extra?.(page);
  await page.getByTestId("create-store-submit").click();
  await expect(page.getByTestId("store-details")).toContainText(name);
}

async function uploadIntoStore(page: Page, files: { name: string; text: string }[]) {
  await page.getByTestId("add-files").click();
  await page
    .getByTestId("add-files-upload")
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: "text/plain", buffer: Buffer.from(f.text) })));
}

test("create a store, add files, watch them process, edit attributes, read content and search", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  await emulator.config({ vectorStoreProcessingMs: 1500 });
  try {
    const name = `Knowledge ${Date.now()}`;
    await newStore(page, name, async (p) => {
      await p.getByLabel("Description").fill("Fruit and space");
      await p.getByLabel(/Expire after days/).fill("7");
    });
    await uploadIntoStore(page, [
      { name: "apples.txt", text: DOCS.apples },
      { name: "rockets.txt", text: DOCS.rockets },
    ]);
    const files = page.getByTestId("store-file");
    await expect(files).toHaveCount(2);
    await expect(files.first()).toHaveAttribute("data-status", "in_progress");
    await expect(page.locator('[data-testid="store-file"][data-status="completed"]')).toHaveCount(2, {
      timeout: 15_000,
    });
    await expect(page.getByTestId("store-item").filter({ hasText: name })).toContainText("2/2 ready");
    await expect(page.getByTestId("store-expires")).toContainText("7 days");

    const apples = files.filter({ hasText: "apples.txt" });
    await apples.getByRole("button", { name: "Attributes" }).click();
    await page.getByLabel("Attributes (JSON)").fill('{"topic": "fruit", "year": 2024}');
    await page.getByTestId("save-attributes").click();
    await expect(apples).toContainText('"topic":"fruit"');
    await apples.getByRole("button", { name: "Content" }).click();
    await expect(page.getByTestId("store-file-content")).toContainText("Apples grow on trees");
    await page.keyboard.press("Escape");

    await page.getByRole("tab", { name: "search" }).click();
    await page.getByLabel("Search query").fill("apple harvest orchards");
    await page.getByTestId("search-submit").click();
    const results = page.getByTestId("search-result");
    await expect(results.first()).toContainText("apples.txt");
    await expect(results.first().locator("mark").first()).toBeVisible();
    await page.getByLabel("Search query").fill("rocket fuel");
    await page
      .getByLabel("Attribute filters (JSON)")
      .fill('{"type": "eq", "key": "topic", "value": "fruit"}');
    await page.getByTestId("search-submit").click();
    await expect(page.getByTestId("search-summary")).toContainText("0 results");
    await page.getByLabel("Attribute filters (JSON)").fill("{broken");
    await page.getByTestId("search-submit").click();
    await expect(page.getByTestId("store-search").getByRole("alert")).toContainText("Filters must be JSON");
  } finally {
    await emulator.config({ vectorStoreProcessingMs: 300 });
  }
});

test("a file the store cannot parse shows its error; deleting a file removes it from the store", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const storeName = `Cascade ${Date.now()}`;
  await newStore(page, storeName);
  await uploadIntoStore(page, [
    { name: "bad[fail].txt", text: "x" },
    { name: `keep-${Date.now()}.txt`, text: DOCS.rockets },
  ]);
  const failed = page.locator('[data-testid="store-file"][data-status="failed"]');
  await expect(failed).toHaveCount(1, { timeout: 15_000 });
  await expect(failed.getByTestId("store-file-error")).toContainText("unsupported_file");
  const keep = page.getByTestId("store-file").filter({ hasText: "keep-" });
  const keepName = ((await keep.textContent()) ?? "").match(/keep-\d+\.txt/)?.[0] ?? "";

  await page.goto("/files");
  await page.getByLabel("Search files by name").fill(keepName);
  await page.getByTestId("file-row").getByRole("button", { name: keepName }).click();
  await page.getByTestId("file-delete").click();
  await expect(page.getByTestId("delete-warning")).toContainText("every vector store");
  await page.getByTestId("confirm-delete").click();
  await page.goto("/vector-stores");
  await page.getByTestId("store-item").filter({ hasText: storeName }).click();
  await expect(page.getByTestId("store-file")).toHaveCount(1);
  await expect(page.getByTestId("store-file").filter({ hasText: keepName })).toHaveCount(0);
});

test("an expired store is flagged and can be recreated with the same files; bad settings are refused", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const name = `Short-lived ${Date.now()}`;
  await page.goto("/vector-stores");
  await page.getByTestId("new-store").click();
  await page.getByText("static").click();
  await page.getByLabel("Overlap tokens").fill("700");
  await expect(page.getByText("From 0 to half the chunk size (400).")).toBeVisible();
  await expect(page.getByTestId("create-store-submit")).toBeDisabled();
  await page.getByLabel("Overlap tokens").fill("200");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/Expire after days/).fill("1");
  await page.getByTestId("create-store-submit").click();
  await uploadIntoStore(page, [{ name: "apples.txt", text: DOCS.apples }]);
  await expect(page.locator('[data-testid="store-file"][data-status="completed"]')).toHaveCount(1, {
    timeout: 15_000,
  });

  await emulator.clock(3 * 86_400);
  await page.reload();
  await page.getByTestId("store-item").filter({ hasText: name }).click();
  await expect(page.getByTestId("store-expired")).toBeVisible();
  await page.getByTestId("recreate-store").click();
  await expect(page.getByText("1 files will be added.")).toBeVisible();
  await page.getByTestId("create-store-submit").click();
  await expect(page.getByTestId("store-details")).not.toContainText("expired after");
  await expect(page.getByTestId("store-file")).toHaveCount(1);
});

test("the official SDK with a personal token runs the same vector-store flow through Benchtop", async () => {
  const token = cli("token:create", "--email", E2E.admin.email, "--name", `sdk-vs-${Date.now()}`);
  const client = new OpenAI({ apiKey: token, baseURL: `${E2E.consoleUrl}/api/v1`, maxRetries: 0 });
  const file = await client.files.create({
    file: new File([DOCS.apples], "sdk-apples.txt"),
    purpose: "assistants",
  });
  const store = await client.vectorStores.create({ name: "sdk store", file_ids: [file.id] });
  let current = await client.vectorStores.retrieve(store.id);
  for (let i = 0; i < 50 && current.status === "in_progress"; i++) {
    await new Promise((r) => setTimeout(r, 200));
    current = await client.vectorStores.retrieve(store.id);
  }
  expect(current.file_counts.completed).toBe(1);
  const page = await client.vectorStores.search(store.id, { query: "apple harvest" });
  expect(page.data[0]?.filename).toBe("sdk-apples.txt");
  await client.files.delete(file.id);
  expect((await client.vectorStores.files.list(store.id)).data).toHaveLength(0);
  await client.vectorStores.delete(store.id);
});

test("the official SDK with a personal token uploads in parts, lists, downloads and deletes files through Benchtop", async () => {
  const token = cli("token:create", "--email", E2E.admin.email, "--name", `sdk-files-${Date.now()}`);
  const client = new OpenAI({ apiKey: token, baseURL: `${E2E.consoleUrl}/api/v1`, maxRetries: 0 });
  const part = Buffer.alloc(3 * 1024 * 1024, 120);
  const upload = await client.uploads.create({
    filename: "sdk-big.txt",
    purpose: "assistants",
    bytes: part.length * 2,
    mime_type: "text/plain",
  });
  const p1 = await client.uploads.parts.create(upload.id, { data: new File([part], "p1") });
  const p2 = await client.uploads.parts.create(upload.id, { data: new File([part], "p2") });
  const done = await client.uploads.complete(upload.id, { part_ids: [p1.id, p2.id] });
  expect(done.status).toBe("completed");
  const fileId = done.file?.id ?? "";
  const listed = await client.files.list({ purpose: "assistants" });
  expect(listed.data.some((f) => f.id === fileId)).toBe(true);
  const content = await client.files.content(fileId);
  expect((await content.arrayBuffer()).byteLength).toBe(part.length * 2);
  await client.files.delete(fileId);
  await expect(client.files.retrieve(fileId)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
});
