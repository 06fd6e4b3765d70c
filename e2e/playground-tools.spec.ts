import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { emulator } from "./support/emulator";

for (const api of ["Responses", "Chat"] as const) {
  test(`${api}: a function call round trip — the call is shown, its output typed, the run continued`, async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await pg.api(api);
    await page.getByTestId("add-tool").click();
    await expect(page.getByTestId("schema-status")).toContainText("Valid for strict mode");
    await page.getByRole("button", { name: "Done" }).click();
    await pg.say("[tool] weather in Paris?");
    await pg.runAndWait();
    const call = page.getByTestId("tool-call");
    await expect(call).toContainText("get_weather");
    await expect(call).toContainText('"location"');
    const tool = page.locator('[data-testid="message"][data-role="tool"]');
    await expect(tool.getByTestId("tool-output-for")).toContainText("get_weather");
    await tool.getByRole("textbox").fill("18C and sunny");
    await pg.runAndWait();
    await expect(
      page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId("message-rendered"),
    ).toHaveText("Tool result: 18C and sunny");
    const sent = await emulator.lastPost(api === "Chat" ? "/v1/chat/completions" : "/v1/responses");
    const items = JSON.stringify(sent.json);
    expect(items).toContain(api === "Chat" ? '"role":"tool"' : '"type":"function_call_output"');
    expect(items).toContain("18C and sunny");
  });
}

test("structured output: the reply is checked against the schema, and a mismatch is shown", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await page.getByText("Response format").click();
  await page.getByLabel("Format", { exact: true }).selectOption("json_schema");
  await pg.say("List two fruits");
  await pg.runAndWait();
  await expect(page.getByTestId("schema-check")).toContainText("Output matches the schema");
  const sent = await emulator.lastPost("/v1/responses");
  expect(sent.json.text).toMatchObject({ format: { type: "json_schema", name: "response", strict: true } });

  await pg.say("[badjson] again");
  await pg.runAndWait();
  // Each reply is checked beside it.
  await expect(pg.message(4).getByTestId("schema-check")).toContainText("does not match the schema");
  await expect(pg.message(4).getByTestId("schema-check")).toContainText("is required but missing");
  await expect(pg.message(2).getByTestId("schema-check")).toContainText("Output matches the schema");
});

test("the schema editor explains invalid JSON and strict-mode problems", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await page.getByText("Response format").click();
  await page.getByLabel("Format", { exact: true }).selectOption("json_schema");
  await page.getByTestId("edit-schema").click();
  const schema = page.getByLabel("Schema", { exact: true });
  await schema.fill('{"type": "object", "properties": {"a": {"type": "string"}}');
  await expect(page.getByTestId("schema-status")).toContainText("Invalid JSON");
  await schema.fill('{"type": "object", "properties": {"a": {"type": "string"}}}');
  await expect(page.getByTestId("schema-status")).toContainText("every property in `required`");
  await expect(page.getByTestId("schema-status")).toContainText("additionalProperties: false");
  await schema.fill(
    '{"type": "object", "properties": {"a": {"type": "arrayy"}}, "required": ["a"], "additionalProperties": false}',
  );
  await expect(page.getByTestId("schema-status")).toContainText("Not a valid JSON Schema");
  await expect(page.getByTestId("schema-status")).toContainText("properties.a.type");
  await expect(schema).toHaveAttribute("aria-invalid", "true");
});

test("refusals are shown as refusals", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("[refuse] do something bad");
  await pg.runAndWait();
  await expect(pg.reply(2)).toHaveText(/^\[refusal\] I can't help with that\./);
});

test("logprobs: tokens shaded by probability with alternatives on hover", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await page.getByText("Reasoning and output").click();
  await page.getByLabel("Log probabilities", { exact: true }).check();
  await page.getByLabel("Top logprobs").fill("3");
  await pg.say("Hello logprobs");
  await pg.runAndWait();
  const sent = await emulator.lastPost("/v1/chat/completions");
  expect(sent.json).toMatchObject({ logprobs: true, top_logprobs: 3 });
  await pg.message(2).getByLabel("Shade tokens by probability").check();
  const tokens = page.getByTestId("logprobs").getByRole("button");
  await expect(tokens.first()).toHaveAttribute("data-p", /0\.\d+|1\.000/);
  await tokens.nth(1).hover();
  await expect(page.getByTestId("logprobs-readout")).toContainText("%");
  await expect(page.getByTestId("logprobs-readout")).toContainText("alt");
});

test("a reasoning model's summary is kept with its reply", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.model("o4-mini");
  await page.getByLabel("Reasoning summary").selectOption("auto");
  await pg.say("Why is the sky blue?");
  await pg.runAndWait();
  await expect(pg.message(2).getByTestId("reasoning")).toContainText("Thinking about");
});

test("an image can be attached by upload; a wrong type is refused with the reason", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("What is in this image?");
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  const input = pg.message(1).locator('input[type="file"]');
  await input.setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
  await expect(pg.message(1).getByRole("img", { name: "dot.png" })).toBeVisible();
  await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
  await expect(pg.message(1).getByRole("alert")).toContainText("not supported");
  await pg.runAndWait();
  const sent = await emulator.lastPost("/v1/responses");
  expect(JSON.stringify(sent.json.input)).toContain('"type":"input_image"');
  expect(JSON.stringify(sent.json.input)).toContain("data:image/png;base64,");
});

test("compare: columns with their own models run on one input; a column can be promoted", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Compare me");
  await page.getByTestId("compare-toggle").check();
  const columns = page.getByTestId("compare-column");
  await expect(columns).toHaveCount(2);
  await page.getByTestId("add-column").click();
  await expect(columns).toHaveCount(3);
  await columns.nth(1).getByTestId("model-input").fill("gpt-4.1-mini");
  await columns.nth(2).getByTestId("model-input").fill("o4-mini");
  await page.getByTestId("run-all").click();
  for (let i = 0; i < 3; i++) {
    await expect(columns.nth(i).getByTestId("run-panel")).toHaveAttribute("data-status", "done");
    await expect(columns.nth(i).getByTestId("output-text")).toHaveText("Echo: Compare me");
    await expect(columns.nth(i).getByTestId("run-metrics")).toContainText("out");
  }
  const models = (await emulator.requests())
    .filter((r) => r.path === "/v1/responses")
    .slice(-3)
    .map((r) => (r.json as { model: string }).model);
  expect(models.sort()).toEqual(["gpt-4.1-mini", "gpt-4o-mini", "o4-mini"]);
  await columns.nth(1).getByTestId("promote").click();
  await expect(page.getByTestId("compare")).toHaveCount(0);
  await expect(page.getByTestId("model-input")).toHaveValue("gpt-4.1-mini");
  await expect(pg.message(1).getByRole("textbox")).toHaveValue("Compare me");
});
