import OpenAI from "openai";
import { expect, test } from "./fixtures";
import { FilesPage } from "./pages/files";
import { VectorStoresPage } from "./pages/vector-stores";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

const DOCS = {
  apples: "Apples grow on trees in orchards. Apple harvest happens in autumn and apples keep for months.",
  rockets: "Rockets burn fuel to reach orbit. A rocket engine pushes exhaust out of a nozzle.",
};

test("create a store, add files, watch them process, edit attributes, read content and search", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const stores = new VectorStoresPage(page);
  await emulator.config({ vectorStoreProcessingMs: 1500 });
  try {
    const name = `Knowledge ${Date.now()}`;
    await stores.create(name, async (form) => {
      await form.getByLabel("Description").fill("Fruit and space");
      await form.getByLabel(/Expire after days/).fill("7");
    });
    await stores.upload([
      { name: "apples.txt", text: DOCS.apples },
      { name: "rockets.txt", text: DOCS.rockets },
    ]);
    const files = stores.files();
    await expect(files).toHaveCount(2);
    await expect(files.first()).toHaveAttribute("data-status", "in_progress");
    await expect(stores.files("completed")).toHaveCount(2, { timeout: 15_000 });
    await expect(stores.store(name)).toContainText("2/2 ready");
    await expect(page.getByTestId("store-expires")).toContainText("7 days");

    const apples = stores.file("apples.txt");
    await apples.getByRole("button", { name: "Attributes" }).click();
    await page.getByLabel("Attributes (JSON)").fill('{"topic": "fruit", "year": 2024}');
    await page.getByTestId("save-attributes").click();
    await expect(apples).toContainText('"topic":"fruit"');
    await apples.getByRole("button", { name: "Content" }).click();
    await expect(page.getByTestId("store-file-content")).toContainText("Apples grow on trees");
    await page.keyboard.press("Escape");

    await stores.search("apple harvest orchards");
    const results = stores.results();
    await expect(results.first()).toContainText("apples.txt");
    await expect(results.first().locator("mark").first()).toBeVisible();
    await stores.search("rocket fuel", '{"type": "eq", "key": "topic", "value": "fruit"}');
    await expect(page.getByTestId("search-summary")).toContainText("0 results");
    await stores.search("rocket fuel", "{broken");
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
  const stores = new VectorStoresPage(page);
  const storeName = `Cascade ${Date.now()}`;
  await stores.create(storeName);
  const keepName = `keep-${Date.now()}.txt`;
  await stores.upload([
    { name: "bad[fail].txt", text: "x" },
    { name: keepName, text: DOCS.rockets },
  ]);
  const failed = stores.files("failed");
  await expect(failed).toHaveCount(1, { timeout: 15_000 });
  await expect(failed.getByTestId("store-file-error")).toContainText("unsupported_file");
  await expect(stores.file(keepName)).toHaveCount(1);

  const files = new FilesPage(page);
  await files.goto();
  await files.search(keepName);
  await files.open(keepName);
  await files.delete();
  await stores.goto();
  await stores.open(storeName);
  await expect(stores.files()).toHaveCount(1);
  await expect(stores.file(keepName)).toHaveCount(0);
});

test("an expired store is flagged and can be recreated with the same files; bad settings are refused", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const stores = new VectorStoresPage(page);
  const name = `Short-lived ${Date.now()}`;
  await stores.goto();
  await page.getByTestId("new-store").click();
  await page.getByText("static").click();
  await page.getByLabel("Overlap tokens").fill("700");
  await expect(page.getByText("From 0 to half the chunk size (400).")).toBeVisible();
  await expect(page.getByTestId("create-store-submit")).toBeDisabled();
  await page.getByLabel("Overlap tokens").fill("200");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/Expire after days/).fill("1");
  await stores.submit();
  await stores.upload([{ name: "apples.txt", text: DOCS.apples }]);
  await expect(stores.files("completed")).toHaveCount(1, { timeout: 15_000 });

  await emulator.clock(3 * 86_400);
  await page.reload();
  await stores.open(name);
  await expect(page.getByTestId("store-expired")).toBeVisible();
  await page.getByTestId("recreate-store").click();
  await expect(page.getByText("1 files will be added.")).toBeVisible();
  await stores.submit();
  await expect(stores.details()).not.toContainText("expired after");
  await expect(stores.files()).toHaveCount(1);
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
