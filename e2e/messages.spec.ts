import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { emulator } from "./support/emulator";

const MARKDOWN = [
  "**bold** and [docs](https://example.com/docs) and [trap](javascript:alert(1))",
  "",
  "| fruit | count |",
  "| --- | --- |",
  "| apple | 2 |",
  "",
  "```python",
  "print('hi')",
  "```",
].join("\n");

const chatRoles = (json: Record<string, unknown>) =>
  (json.messages as { role: string }[]).map((m) => m.role).join(",");

test("an assistant message renders Markdown, switches to its raw text to edit, and copies whole or by code block", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say(MARKDOWN);
  await pg.runAndWait();
  const reply = pg.reply(2);
  await expect(reply.locator("strong")).toHaveText("bold");
  await expect(reply.getByRole("link", { name: "docs" })).toHaveAttribute("href", "https://example.com/docs");
  // An unsafe link keeps its text and loses its target.
  await expect(reply.getByText("trap")).toBeVisible();
  await expect(reply.getByRole("link", { name: "trap" })).toHaveCount(0);
  await expect(reply.getByRole("table")).toContainText("apple");
  await expect(reply.getByRole("region", { name: "python block" })).toHaveText("print('hi')");
  // The user's own message stays a text box.
  await expect(pg.message(1).getByRole("textbox")).toHaveValue(MARKDOWN);

  await pg.message(2).getByRole("button", { name: "Copy message 2" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Echo: ${MARKDOWN}`);
  await reply.getByRole("button", { name: "Copy code" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("print('hi')");

  // Raw shows the exact text, editable; editing and switching back renders the edit.
  const raw = pg.message(2).getByTestId("message-raw");
  await raw.click();
  await expect(raw).toHaveAttribute("aria-pressed", "true");
  const box = pg.message(2).getByRole("textbox");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(`Echo: ${MARKDOWN}`);
  await box.fill("Now *edited*");
  await raw.click();
  await expect(pg.reply(2).locator("em")).toHaveText("edited");
  // A double-click on the formatted text edits it too.
  await pg.reply(2).dblclick();
  await expect(pg.message(2).getByRole("textbox")).toBeFocused();

  // After a reload replies render again.
  await page.reload();
  await expect(pg.reply(2).locator("em")).toHaveText("edited");
});

test("a JSON reply is pretty-printed with its schema check beside it, and its exact text one switch away", async ({
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
  const json = pg.message(2).getByTestId("reply-json");
  await expect(json.getByRole("region", { name: "JSON reply" })).toContainText(/\{\n {2}"/);
  await expect(pg.message(2).getByTestId("schema-check")).toContainText("Output matches the schema");
  await pg.message(2).getByTestId("message-raw").click();
  const exact = await pg.message(2).getByRole("textbox").inputValue();
  expect(exact).not.toContain("\n");
  expect(JSON.parse(exact)).toBeTruthy();
  // Edited JSON is checked again.
  await pg.message(2).getByRole("textbox").fill("{");
  await expect(pg.message(2).getByTestId("schema-check")).toContainText("not valid JSON");
});

test("logprob shading keeps line breaks and marks newline tokens in line", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await page.getByText("Reasoning and output").click();
  await page.getByLabel("Log probabilities", { exact: true }).check();
  await pg.say("line one\nline two");
  await pg.runAndWait();
  await pg.message(2).getByLabel("Shade tokens by probability").check();
  const view = pg.message(2).getByTestId("logprobs");
  const tokens = view.getByRole("button");
  await expect(tokens).toHaveCount(5); // "Echo:", " line", " one", "\nline", " two"
  await expect(view.locator("[data-newline]")).toHaveText("↵");
  const first = await tokens.first().boundingBox();
  const last = await tokens.last().boundingBox();
  const mark = await view.locator("[data-newline]").boundingBox();
  if (!first || !last || !mark) throw new Error("tokens not laid out");
  // The mark ends the first line; " two" sits on the next one.
  expect(Math.abs(mark.y + mark.height / 2 - (first.y + first.height / 2))).toBeLessThan(first.height / 2);
  expect(last.y).toBeGreaterThan(first.y + first.height / 2);
  await tokens.nth(3).hover();
  await expect(page.getByTestId("logprobs-readout")).toContainText('"\\nline"');
});

test("the metrics strip labels every figure, and fits a phone", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Hello");
  await pg.runAndWait();
  const metrics = page.getByTestId("run-metrics");
  for (const label of ["First token", "Total", "Speed", "Tokens", "Cost", "Request"])
    await expect(metrics.getByText(label, { exact: true })).toBeVisible();
  await expect(metrics.locator('[data-metric="tokens"]')).toContainText(/\d+ in · \d+ out/);
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(metrics.getByText("Cost", { exact: true })).toBeVisible();
  expect(await metrics.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});

test("+ Add message after a reply gives the next user turn, and a request ending on a reply says so", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("Hi");
  await pg.runAndWait();
  const messages = page.getByTestId("message");
  await expect(messages).toHaveCount(3);
  await page.getByTestId("add-message").click();
  // No assistant box below the empty user box: the next turn is the user's, ready to type.
  await expect(messages).toHaveCount(3);
  await expect(messages.last()).toHaveAttribute("data-role", "user");
  await expect(pg.message(3).getByRole("textbox")).toBeFocused();
  await expect(pg.message(3).getByRole("textbox")).toHaveAttribute("placeholder", /ends on the reply/);

  // Without the empty box, the request would end on the reply: a hint says so, and Add gives a user turn.
  await page.getByRole("button", { name: "Delete message 3" }).click();
  await expect(page.getByTestId("ends-on-assistant")).toBeVisible();
  await page.getByTestId("add-message").click();
  await expect(messages).toHaveCount(3);
  await expect(messages.last()).toHaveAttribute("data-role", "user");
  await expect(page.getByTestId("ends-on-assistant")).toHaveCount(0);
  await pg.say("Next question");
  await pg.runAndWait();
  await expect
    .poll(async () => chatRoles((await emulator.lastPost("/v1/chat/completions")).json))
    .toBe("user,assistant,user");
});

test("regenerate replaces the last reply; editing a message and running from there drops what followed", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("Hi");
  await pg.runAndWait();
  const messages = page.getByTestId("message");
  const posts = async () =>
    (await emulator.requests()).filter((r) => r.path === "/v1/chat/completions" && r.method === "POST")
      .length;
  const before = await posts();

  // Spoil the reply by hand, then regenerate it: one new run, the reply replaced, not appended.
  await pg.message(2).getByTestId("message-raw").click();
  await pg.message(2).getByRole("textbox").fill("spoiled");
  await pg.message(2).getByRole("button", { name: "Regenerate message 2" }).click();
  await expect(pg.reply(2)).toHaveText("Echo: Hi");
  await expect(messages).toHaveCount(3);
  expect(await posts()).toBe(before + 1);
  expect(chatRoles((await emulator.lastPost("/v1/chat/completions")).json)).toBe("user");

  // Edit the first message and run from there: a confirm names what goes, then one run.
  await pg.message(1).getByRole("textbox").fill("Hello again");
  await pg.message(1).getByRole("button", { name: "Run again from message 1" }).click();
  await expect(pg.message(1)).toContainText("Drops the 1 later message");
  await pg.message(1).getByTestId("rerun-confirm").click();
  await expect(pg.reply(2)).toHaveText("Echo: Hello again");
  await expect(messages).toHaveCount(3);
  const sent = (await emulator.lastPost("/v1/chat/completions")).json;
  expect(chatRoles(sent)).toBe("user");
  expect(JSON.stringify(sent.messages)).toContain("Hello again");
  expect(await posts()).toBe(before + 2);
});
