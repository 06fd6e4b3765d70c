import { expect, test } from "./fixtures";
import { AssistantsApi, BuilderPage } from "./pages/assistants";
import { E2E } from "./support/env";

const unique = (word: string) => `${word}${Date.now().toString(36)}`;
const SECRET = "Bearer mcp-secret-value-7f3a9";

test("build an assistant with every tool type, version it twice, and never see the MCP header value again", async ({
  page,
  signIn,
  responses,
}) => {
  await signIn(page);
  const tag = unique("heron");
  const store = await page.request.post("/api/v1/vector_stores", {
    headers: { origin: E2E.consoleUrl },
    data: { name: `${tag} docs` },
  });
  expect(store.ok(), await store.text()).toBe(true);
  const vectorStoreId = ((await store.json()) as { id: string }).id;

  const b = new BuilderPage(page);
  await b.gotoNew();
  await page.getByTestId("assistant-name").fill(`${tag} helper`);
  await page.getByTestId("assistant-description").fill("Answers with every tool");
  await page.getByTestId("assistant-instructions").fill("Help {{customer}} in {{lang}}. Be kind.");
  await b
    .section(/^Variables/)
    .getByRole("button", { name: "Add from instructions" })
    .click();
  await expect(page.getByTestId("assistant-variable")).toHaveCount(2);
  await b.variable("lang").getByLabel("Required").uncheck();
  await b.variable("lang").getByLabel("Default of lang").fill("en");

  const fn = await b.addTool("Function", "function");
  await fn.getByLabel("Mocked output").fill('{"temperature": 21}');
  await expect(fn.getByTestId("schema-status")).toContainText("Valid");
  const fs = await b.addTool("File search", "file_search");
  await fs.getByRole("checkbox", { name: `${tag} docs` }).check();
  await fs.getByLabel("Max results").fill("8");
  await fs.getByLabel("Filters (JSON)").fill('{"type": "eq", "key"');
  await expect(fs).toContainText("Invalid JSON");
  await fs.getByLabel("Filters (JSON)").fill('{"type": "eq", "key": "lang", "value": "en"}');
  await expect(fs).not.toContainText("Invalid JSON");
  const web = await b.addTool("Web search", "web_search");
  await web.getByLabel("Allowed domains").fill("openai.com, example.org");
  const code = await b.addTool("Code interpreter", "code_interpreter");
  await code.getByLabel("Memory limit").selectOption("4g");
  const image = await b.addTool("Image generation", "image_generation");
  await image.getByLabel("Quality").selectOption("high");
  const mcp = await b.addTool("MCP server", "mcp");
  await mcp.getByLabel("Server URL").fill("https://mcp.example.com/sse");
  await mcp.getByRole("button", { name: "+ Header" }).click();
  await mcp.getByLabel("Value of header Authorization").fill(SECRET);

  const format = b.section("Response format");
  await format.getByLabel("Format", { exact: true }).selectOption("json_schema");
  await format.getByLabel("Insert a template").selectOption("Weather lookup");
  await expect(format.getByTestId("schema-status")).toContainText("Valid for strict mode");

  // Temperature on a model that takes it, then a reasoning model that refuses it: flagged before saving.
  const settings = b.section("Model settings");
  await settings.getByLabel("Temperature").fill("0.7");
  await expect(b.issues()).toHaveAttribute("data-errors", "0");
  await b.model("o4-mini");
  await expect(b.issues().locator('[data-level="error"]')).toContainText("temperature");
  await expect(page.getByTestId("assistant-save")).toBeDisabled();
  await b.issues().getByRole("button", { name: "temperature" }).click();
  await expect(settings.getByLabel("Temperature")).toBeFocused();
  await settings.getByLabel("Temperature").fill("");
  await expect(b.issues()).toHaveAttribute("data-errors", "0");
  await settings.getByLabel("Reasoning effort").selectOption("low");
  await settings.getByLabel("Reasoning summary").selectOption("auto");
  await expect(settings.getByLabel("Temperature")).toBeDisabled();

  // A reload keeps the unsaved draft (the header value is a secret: memory only, typed again).
  await page.reload();
  await expect(page.getByTestId("assistant-name")).toHaveValue(`${tag} helper`);
  await expect(page.getByTestId("assistant-tool")).toHaveCount(6);
  await b.tool("mcp").getByLabel("Value of header Authorization").fill(SECRET);

  const dialog = await b.save();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/assistants\/asst_bt_[0-9a-f]{24}$/);
  await b.expectVersion(1);
  const id = page.url().split("/").pop() ?? "";
  const api = AssistantsApi.of(page);
  const v1 = await api.get(id);
  expect(v1.version.version).toBe(1);
  const c = v1.version.config;
  expect(c.model).toBe("o4-mini");
  expect(c.temperature).toBeUndefined();
  expect(c.reasoningEffort).toBe("low");
  expect(c.reasoningSummary).toBe("auto");
  expect(c.variables).toEqual([
    { name: "customer", type: "string", description: "" },
    { name: "lang", type: "string", description: "", default: "en" },
  ]);
  expect(c.tools.map((t) => t.type)).toEqual([
    "function",
    "file_search",
    "web_search",
    "code_interpreter",
    "image_generation",
    "mcp",
  ]);
  expect(c.tools[0]).toMatchObject({
    type: "function",
    name: "get_weather",
    mockOutput: '{"temperature": 21}',
  });
  expect(c.tools[1]).toMatchObject({ vectorStoreIds: [vectorStoreId], maxNumResults: 8 });
  expect(c.tools[2]).toMatchObject({ allowedDomains: ["openai.com", "example.org"] });
  expect(c.tools[3]).toMatchObject({ container: { type: "auto", fileIds: [], memoryLimit: "4g" } });
  expect(c.tools[4]).toMatchObject({ quality: "high" });
  expect(c.tools[5]).toMatchObject({
    serverUrl: "https://mcp.example.com/sse",
    headerNames: ["Authorization"],
  });
  expect(c.responseFormat).toMatchObject({ type: "json_schema", strict: true });
  expect(v1.mcpHeadersSet).toEqual({ server: ["Authorization"] });
  await expect(b.tool("mcp").getByLabel("Value of header Authorization")).toHaveAttribute(
    "placeholder",
    /^set/,
  );

  // Edit, save with a note: version 2, based on 1.
  await page.getByTestId("assistant-description").fill("Answers with every tool, briefly");
  await expect(page.getByTestId("assistant-draft-banner")).toContainText(
    "Unsaved changes based on version 1",
  );
  await page.reload();
  await expect(page.getByTestId("assistant-description")).toHaveValue("Answers with every tool, briefly");
  await b.save("shorter description");
  await b.expectVersion(2);
  await expect(page.getByTestId("assistant-draft-banner")).toBeHidden();
  const v2 = await api.get(id);
  expect(v2.versions.find((v) => v.version === 2)?.note).toBe("shorter description");
  expect(v2.mcpHeadersSet).toEqual({ server: ["Authorization"] });

  // View code names the assistant by id, with BENCHTOP_TOKEN and the variables' defaults.
  await page.getByRole("button", { name: "View code" }).click();
  const codeDialog = page.getByRole("dialog", { name: "Call this assistant" });
  await expect(codeDialog).toContainText(id);
  await expect(codeDialog).toContainText("BENCHTOP_TOKEN");
  await expect(codeDialog).toContainText('"lang": "en"');
  await page.keyboard.press("Escape");

  expect(await page.content()).not.toContain(SECRET);
  const assistantBodies = responses.filter((r) => r.includes("/api/assistants"));
  expect(assistantBodies.length).toBeGreaterThan(0);
  for (const r of responses) expect(r).not.toContain(SECRET);
  for (const r of responses) expect(r).not.toContain("mcp-secret-value");
});

test("a save on a stale version offers Save anyway or Reload latest", async ({ page, signIn }) => {
  await signIn(page);
  const api = AssistantsApi.of(page);
  const made = await api.create({ name: unique("stale") });
  const id = made.assistant.id;
  const b = new BuilderPage(page);
  await b.goto(id);
  await page.getByTestId("assistant-description").fill("mine");
  await api.save(id, { description: "theirs" }, "meanwhile");

  const dialog = await b.save("my change");
  await expect(page.getByTestId("assistant-save-conflict")).toContainText("Someone saved a newer version");
  await dialog.getByRole("button", { name: "Save anyway" }).click();
  await expect(dialog).toBeHidden();
  await b.expectVersion(3);
  expect((await api.get(id)).version.config.description).toBe("mine");

  await page.getByTestId("assistant-description").fill("mine again");
  await api.save(id, { description: "theirs again" });
  await b.save();
  await page.getByRole("button", { name: "Reload latest" }).click();
  await expect(page.getByTestId("assistant-description")).toHaveValue("theirs again");
  await b.expectVersion(4);
  await expect(page.getByTestId("assistant-draft-banner")).toBeHidden();
});
