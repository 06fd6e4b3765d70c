import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { AssistantsApi, AssistantsPage, VersionsPage } from "./pages/assistants";

const unique = (word: string) => `${word}${Date.now().toString(36)}`;
// Playwright runs from the repository root.
const FIXTURES = path.resolve("e2e", "fixtures");

test("the list searches, filters by owner and shows production and the model's shutdown", async ({
  page,
  signIn,
}) => {
  const tag = unique("otter");
  const member = await AssistantsApi.as(`${tag}@example.com`, { create: true });
  await member.create({ name: `${tag} triage`, description: "Sorts the member's tickets" });
  await member.dispose();
  await signIn(page);
  const api = AssistantsApi.of(page);
  const old = await api.create({
    name: `${tag} legacy`,
    model: "gpt-4o-2024-05-13",
    description: "On a retired model",
  });
  const live = await api.create({ name: `${tag} support`, description: "Answers billing questions" });
  await api.save(live.assistant.id, { instructions: "Be brief." }, "shorter");
  await api.patch(live.assistant.id, { productionVersion: 1 });

  const list = new AssistantsPage(page);
  await list.goto();
  await list.search(tag);
  await expect(list.rows()).toHaveCount(3);
  await expect(list.row(`${tag} legacy`).getByTestId("assistant-model-shutdown")).toContainText("shut down");
  await expect(list.row(`${tag} support`).getByTestId("assistant-versions")).toContainText("v2");
  await expect(list.row(`${tag} support`).getByTestId("assistant-versions")).toContainText("production v1");
  await expect(list.row(`${tag} triage`)).toContainText(`${tag}`);
  // The search is in the URL: a reload keeps it.
  await page.reload();
  await expect(page.getByTestId("assistant-search")).toHaveValue(tag);
  await expect(list.rows()).toHaveCount(3);
  // Descriptions are searched too.
  await list.search("Answers billing questions");
  await expect(list.row(`${tag} support`)).toBeVisible();
  await list.search(tag);
  await list.owner("me");
  await expect(page).toHaveURL(/owner=me/);
  await expect(list.rows()).toHaveCount(2);
  await list.owner("all");
  await expect(list.rows()).toHaveCount(3);
  await list.search(`${tag}-nothing`);
  await expect(page.getByTestId("assistants-empty")).toContainText("No assistants match");
  // A row is a link to its assistant.
  await list.search(tag);
  await list.row(`${tag} legacy`).click();
  await expect(page).toHaveURL(new RegExp(`/assistants/${old.assistant.id}$`));
});

test("import of a legacy Assistants API object and a prompt object export shows what was understood", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const list = new AssistantsPage(page);
  await list.goto();
  const legacy = await list.importFile(path.join(FIXTURES, "legacy-assistant.json"));
  await expect(legacy).toHaveAttribute("data-source", "assistants_api");
  await expect(legacy).toContainText("legacy Assistants API object");
  await page.getByTestId("assistant-import-open").click();
  await expect(page).toHaveURL(/\/assistants\/asst_bt_[0-9a-f]{24}$/);
  const id = new URL(page.url()).pathname.split("/").pop() as string;
  const got = await AssistantsApi.of(page).get(id);
  const types = got.version.config.tools.map((t) => t.type).sort();
  expect(types).toEqual(["code_interpreter", "file_search", "function", "function"]);
  expect(got.version.config.responseFormat.type).toBe("json_schema");

  await list.goto();
  const prompt = await list.importFile(path.join(FIXTURES, "prompt-object.json"));
  await expect(prompt).toHaveAttribute("data-source", "prompt_object");
  await expect(prompt).toContainText(/\d+ versions?/);
  // Not JSON: said so, nothing sent.
  await page.getByRole("button", { name: "Import another" }).click();
  await page
    .getByTestId("assistant-import-file")
    .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await expect(page.getByTestId("assistant-import-error")).toContainText("not JSON");
});

test("export then import gives the same config, every version", async ({ page, signIn }) => {
  const tag = unique("heron");
  await signIn(page);
  const api = AssistantsApi.of(page);
  const made = await api.create({
    name: `${tag} exporter`,
    instructions: "Answer about {{product}}.",
    variables: [{ name: "product", type: "string", description: "What we sell", default: "Benchtop" }],
    tools: [
      {
        type: "function",
        name: "lookup",
        description: "Find an order",
        parameters: '{"type":"object"}',
        strict: false,
      },
    ],
    temperature: 0.3,
  });
  await api.save(made.assistant.id, { temperature: 0.5 }, "warmer");
  const list = new AssistantsPage(page);
  await list.goto(`?q=${tag}`);
  const download = page.waitForEvent("download");
  await list.menu(`${tag} exporter`, "Export");
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${tag} exporter.assistant.json`);
  const saved = await file.path();
  const exported = JSON.parse(fs.readFileSync(saved, "utf8"));
  expect(exported.format).toBe("benchtop.assistant");
  expect(exported.versions).toHaveLength(2);

  const result = await list.importFile(saved);
  await expect(result).toHaveAttribute("data-source", "benchtop");
  await expect(result).toContainText("2 versions");
  await page.getByTestId("assistant-import-open").click();
  await expect(page).toHaveURL(/\/assistants\/asst_bt_[0-9a-f]{24}$/);
  const copyId = new URL(page.url()).pathname.split("/").pop() as string;
  expect(copyId).not.toBe(made.assistant.id);
  const [a, b] = [await api.get(made.assistant.id), await api.get(copyId)];
  expect(b.versions).toHaveLength(2);
  expect({ ...b.version.config, name: "" }).toEqual({ ...a.version.config, name: "" });
  expect((await api.version(copyId, 1)).config.temperature).toBe(0.3);
});

test("delete asks first, undo restores, and Recently deleted lists it with its purge date", async ({
  page,
  signIn,
}) => {
  const tag = unique("wren");
  await signIn(page);
  await AssistantsApi.of(page).create({ name: `${tag} doomed` });
  const list = new AssistantsPage(page);
  await list.goto(`?q=${tag}`);
  await list.menu(`${tag} doomed`, "Delete");
  await page.getByTestId("confirm-ok").click();
  await expect(list.rows()).toHaveCount(0);
  await page.getByTestId("assistant-undo-delete").click();
  await expect(list.rows()).toHaveCount(1);

  await list.menu(`${tag} doomed`, "Delete");
  await page.getByTestId("confirm-ok").click();
  await expect(list.rows()).toHaveCount(0);
  await list.toggleDeleted();
  await expect(page).toHaveURL(/deleted=1/);
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(`${tag} doomed`).getByTestId("assistant-purge")).toContainText(/\d{4}/);
  await list.row(`${tag} doomed`).getByTestId("assistant-restore").click();
  await expect(list.rows()).toHaveCount(0);
  await list.toggleDeleted();
  await expect(list.rows()).toHaveCount(1);
});

test("versions: compare two, mark production, roll back and duplicate", async ({ page, signIn }) => {
  const tag = unique("lark");
  await signIn(page);
  const api = AssistantsApi.of(page);
  const made = await api.create(
    { name: `${tag} versions`, instructions: "Greet the user.\nAnswer in English.", temperature: 0.2 },
    { note: "first" },
  );
  const id = made.assistant.id;
  await api.save(id, { instructions: "Greet the user.\nAnswer in French." }, "French");
  await api.save(id, { temperature: 0.9 }, "warmer");

  const v = new VersionsPage(page);
  await v.goto(id);
  await expect(v.rows()).toHaveCount(3);
  await expect(v.row(2)).toContainText("French");
  // Nothing in production: the latest against the one before.
  await expect(page.getByTestId("compare-a")).toHaveValue("2");
  await expect(page.getByTestId("compare-b")).toHaveValue("3");
  await expect(v.diff().getByTestId("diff-table")).toContainText("Temperature");
  await expect(v.diff().getByTestId("instructions-same")).toBeVisible();

  await v.action(1, "Compare");
  await expect(page).toHaveURL(/a=1&b=3/);
  await expect(v.diff().locator("ins")).toContainText("French");
  await expect(v.diff().locator("del")).toContainText("English");
  await expect(v.diff().getByTestId("diff-table")).toContainText("0.2");
  await expect(v.diff().getByTestId("diff-table")).toContainText("0.9");
  await page.reload();
  await expect(page.getByTestId("compare-a")).toHaveValue("1");

  await v.action(2, "Mark production");
  await expect(v.row(2).getByTestId("version-production")).toBeVisible();
  await expect(v.row(2).getByRole("button", { name: "Unmark production" })).toBeVisible();
  expect((await api.get(id)).assistant.productionVersion).toBe(2);

  await v.action(1, "Roll back to this version");
  await v.confirm();
  await expect(v.rows()).toHaveCount(4);
  await expect(v.row(4)).toContainText("from v1");
  const [v1, v4] = [await api.version(id, 1), await api.version(id, 4)];
  expect(v4.config).toEqual(v1.config);
  expect(v4.basedOn).toBe(1);
  await expect(page).toHaveURL(/a=1&b=4/);
  await expect(v.diff().getByTestId("settings-same")).toBeVisible();
  await expect(v.row(2).getByTestId("version-production")).toBeVisible();

  await v.action(2, "Duplicate");
  await expect(page).toHaveURL(/\/assistants\/asst_bt_[0-9a-f]{24}$/);
  const copyId = new URL(page.url()).pathname.split("/").pop() as string;
  expect(copyId).not.toBe(id);
  const copy = await api.get(copyId);
  expect(copy.version.config.instructions).toBe("Greet the user.\nAnswer in French.");
});

test("a member sees a teammate's versions read-only", async ({ page, signIn }) => {
  const tag = unique("finch");
  await signIn(page);
  const api = AssistantsApi.of(page);
  const made = await api.create({ name: `${tag} shared` }, { visibility: "team" });
  await api.save(made.assistant.id, { instructions: "Second." });
  const email = `${tag}@example.com`;
  const member = await AssistantsApi.as(email, { create: true });
  await member.dispose();
  await page.context().clearCookies();
  await signIn(page, email, "member-password-123");
  const v = new VersionsPage(page);
  await v.goto(made.assistant.id);
  await expect(page.getByTestId("versions-read-only")).toBeVisible();
  await expect(v.row(1).getByRole("button", { name: "Mark production" })).toBeDisabled();
  await expect(v.row(1).getByRole("button", { name: "Roll back to this version" })).toBeDisabled();
  await expect(v.row(1).getByRole("button", { name: "Compare" })).toBeEnabled();
});

test("a long list arrives a page at a time", async ({ page, signIn }) => {
  const tag = unique("ant");
  await signIn(page);
  const api = AssistantsApi.of(page);
  for (let i = 0; i < 51; i++) await api.create({ name: `${tag} ${i}` });
  const list = new AssistantsPage(page);
  await list.goto(`?q=${tag}`);
  await expect(list.rows()).toHaveCount(50);
  // Most recently updated first.
  await expect(list.rows().first()).toContainText(`${tag} 50`);
  await page.getByTestId("assistant-more").click();
  await expect(list.rows()).toHaveCount(51);
  await expect(page.getByTestId("assistant-more")).toHaveCount(0);
});
