import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { emulator } from "./support/emulator";

test("a Responses run streams, reports metrics and joins the conversation; the draft survives a reload", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await page.getByLabel("Instructions").fill("Be brief.");
  await pg.say("Hello there");
  await pg.runAndWait();
  await expect(pg.message(2)).toHaveAttribute("data-role", "assistant");
  await expect(pg.reply(2)).toHaveText("Echo: Hello there");
  const metrics = page.getByTestId("run-metrics");
  await expect(metrics.locator('[data-metric="tokens"]')).toContainText(/\d+ in · \d+ out/);
  await expect(metrics.locator('[data-metric="cost"]')).toContainText("$");
  await expect(metrics.locator('[data-metric="request-id"]')).toContainText("req_");
  await expect(page.getByTestId("token-meter")).toHaveAttribute("data-count", /\d+/);
  await expect(page.getByTestId("token-meter-reported")).toContainText("reported");

  const sent = await emulator.lastPost("/v1/responses");
  expect(sent.json).toMatchObject({ model: "gpt-4o-mini", instructions: "Be brief.", stream: true });
  // The inspector shows exactly the bytes that went to the upstream.
  expect(sent.rawBody).toBe(await pg.inspectorRequest());

  await pg.say("Second question");
  await page.reload();
  await expect(page.getByLabel("Instructions")).toHaveValue("Be brief.");
  await expect(page.getByTestId("message")).toHaveCount(3);
  await expect(pg.message(3).getByRole("textbox")).toHaveValue("Second question");
});

test("Chat Completions sends each parameter under its wire name, and only those the model takes", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await page.getByRole("textbox", { name: "System message" }).fill("You are terse.");
  await pg.say("Hi");
  await pg.param("Temperature", "0.3");
  await pg.param("Max output tokens", "50");
  await pg.param("Seed", "42");
  await pg.runAndWait();
  const sent = await emulator.lastPost("/v1/chat/completions");
  expect(sent.json).toMatchObject({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "You are terse." },
      { role: "user", content: "Hi" },
    ],
    temperature: 0.3,
    max_completion_tokens: 50,
    seed: 42,
    stream: true,
    stream_options: { include_usage: true },
  });

  // A reasoning model does not take temperature: the control goes, the reason stays, nothing is sent.
  await pg.model("o4-mini");
  await expect(page.getByTestId("params-panel").getByLabel("Temperature", { exact: true })).toHaveCount(0);
  await page.getByTestId("unavailable").locator("summary").click();
  await expect(page.getByTestId("unavailable").locator('[data-param="temperature"]')).toContainText(
    "reasoning model",
  );
  await pg.say("Again");
  await pg.runAndWait();
  // The panel still says "done" from the first run until the second answers: wait for its request.
  await expect.poll(async () => (await emulator.lastPost("/v1/chat/completions")).json.model).toBe("o4-mini");
  const second = await emulator.lastPost("/v1/chat/completions");
  expect(second.json).not.toHaveProperty("temperature");
  expect(second.json).toMatchObject({ model: "o4-mini", seed: 42 });
});

test("legacy Completions mode sends a prompt", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Completions");
  await pg.model("gpt-3.5-turbo-instruct");
  await page.getByLabel("Prompt").fill("Once upon a time");
  await pg.runAndWait();
  await expect(page.getByTestId("output-text").or(page.getByTestId("run-metrics")).first()).toBeVisible();
  const sent = await emulator.lastPost("/v1/completions");
  expect(sent.json).toMatchObject({
    model: "gpt-3.5-turbo-instruct",
    prompt: "Once upon a time",
    stream: true,
  });
});

test("Stop keeps what arrived, and Esc stops too", async ({ page, signIn }) => {
  await signIn(page);
  await emulator.config({ streamChunkDelayMs: 80, streamChunks: 200 });
  try {
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await pg.say("Tell me a long story");
    await pg.run();
    await expect(page.getByTestId("output-text")).toContainText("t3");
    await page.getByTestId("stop").click();
    await expect(pg.runPanel()).toHaveAttribute("data-status", "stopped");
    await expect(pg.reply(2)).toHaveText(/^t0 t1 t2 t3/);
    await expect(page.getByTestId("run-metrics")).toContainText("stopped — output kept");

    await pg.say("Again");
    await pg.run();
    await expect(page.getByTestId("output-text")).toContainText("t2");
    await page.keyboard.press("Escape");
    await expect(pg.runPanel()).toHaveAttribute("data-status", "stopped");
    // The upstream call was aborted, not left running.
    await expect.poll(async () => (await emulator.lastPost("/v1/responses")).aborted).toBe(true);
  } finally {
    await emulator.config({ streamChunkDelayMs: 0, streamChunks: null });
  }
});

test("a stream broken midway keeps what arrived and says so", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("[long] please");
  await emulator.fault({ path: "/v1/chat/completions", kind: "break_stream", afterChunks: 5, times: 1 });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error-title")).toHaveText("Stream interrupted");
  await expect(pg.reply(2)).toHaveText(/^word0 word1/);
});

test("a 429 tells rate limit from quota and counts down to the retry", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Hi");
  await emulator.fault({ path: "/v1/responses", kind: "status", status: 429, retryAfter: 20, times: 1 });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error-title")).toHaveText("Rate limit reached");
  await expect(page.getByTestId("run-error")).toHaveAttribute("data-code", /.+/);
  await expect(page.getByTestId("retry-countdown")).toContainText(/resets in (1\d|20)s/);
  await expect(page.getByTestId("retry")).toBeDisabled();

  await emulator.fault({
    path: "/v1/responses",
    kind: "status",
    status: 429,
    type: "insufficient_quota",
    code: "insufficient_quota",
    times: 1,
  });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error-title")).toHaveText("Quota exhausted");
  await expect(page.getByTestId("run-error")).toContainText("Retrying will not help");
  await expect(page.getByTestId("retry")).toHaveCount(0);
});

test("bad input is caught before sending, naming the field", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("Hi");
  await pg.param("Logit bias", "{not json");
  await expect(page.getByTestId("problems")).toContainText("logit_bias must be a JSON object");
  await expect(page.getByTestId("run")).toBeDisabled();
});

test("keyboard: Ctrl+Enter runs and ? lists the shortcuts", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Keyboard");
  await pg.message(1).getByRole("textbox").press("Control+Enter");
  await expect(pg.runPanel()).toHaveAttribute("data-status", "done");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts")).toContainText("Esc");
});

test("a deprecated model shows its shutdown date; an unknown one still runs with defaults", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.model("gpt-5-mini");
  // Shown in the reader's locale; the machine-readable date is on the <time> element.
  await expect(page.getByTestId("model-shutdown").locator("time")).toHaveAttribute("datetime", "2026-12-11");
  await pg.model("my-local-llama");
  await expect(page.getByTestId("model-facts")).toContainText("Unknown to the catalogue");
});

test("output cut by the token limit says so and can be continued; the inspector shows rate-limit headers", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("[long] story");
  await pg.param("Max output tokens", "20");
  await pg.runAndWait();
  await expect(page.locator('[data-metric="finish"]')).toHaveText("cut off by the token limit");
  await expect(pg.reply(2)).toHaveText(/^word0 word1 .* word19$/);
  await pg.runPanel().getByTestId("inspect").click();
  await page.getByRole("tab", { name: "response" }).click();
  await expect(page.locator('[data-testid="inspector-header"][data-name="x-request-id"]')).toContainText(
    "req_",
  );
  await expect(
    page.locator('[data-testid="inspector-header"][data-name^="x-ratelimit-remaining"]').first(),
  ).toBeVisible();
  await expect(page.getByTestId("inspector-response-body")).toContainText("data: ");
  await page.getByTestId("continue").click();
  await expect(pg.runPanel()).toHaveAttribute("data-status", "done");
  const sent = (await emulator.lastPost("/v1/chat/completions")).json as {
    messages: { role: string; content: string }[];
  };
  expect(sent.messages.at(-2)?.role).toBe("assistant");
  expect(sent.messages.at(-1)).toEqual({ role: "user", content: "Continue exactly where you stopped." });
});

test("messages can be re-roled, reordered and deleted; an image can be added by URL", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("first");
  await page.getByTestId("add-message").click();
  await pg.message(2).getByRole("textbox").fill("second");
  await page.getByTestId("add-message").click();
  await pg.message(3).getByRole("textbox").fill("third");
  await page.getByLabel("Role of message 2").selectOption("assistant");
  await page.getByLabel("Move message 3 up").click();
  await expect(pg.message(2).getByRole("textbox")).toHaveValue("third");
  await page.getByLabel("Delete message 1").click();
  await expect(page.getByTestId("message")).toHaveCount(2);
  await page.getByLabel("Add image URL to message 1").click();
  await page.getByLabel("Image URL (https) or data: URL").fill("https://example.com/cat.png");
  await page.getByRole("button", { name: "Add image" }).click();
  await expect(pg.message(1).getByRole("img")).toHaveAttribute("src", "https://example.com/cat.png");
  await pg.api("Chat");
  await pg.runAndWait();
  const sent = (await emulator.lastPost("/v1/chat/completions")).json as { messages: unknown[] };
  expect(sent.messages).toEqual([
    {
      role: "user",
      content: [
        { type: "text", text: "third" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "auto" } },
      ],
    },
    { role: "assistant", content: "second" },
  ]);
});
