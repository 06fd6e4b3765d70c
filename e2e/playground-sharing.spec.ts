import { execFileSync } from "node:child_process";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

test("presets are saved per user, loaded, updated and deleted", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await page.getByLabel("Instructions").fill("Answer like a pirate.");
  await pg.say("Ahoy");
  await page.getByTestId("presets-button").click();
  const name = `Pirate ${Date.now()}`;
  await page.getByLabel("Preset name").fill(name);
  await page.getByRole("button", { name: "Save" }).click();
  const row = page.getByTestId("preset").filter({ hasText: name });
  await expect(row).toBeVisible();
  // The same name again is refused with a clear message.
  await page.getByLabel("Preset name").fill(name);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText(/already/i);
  await page.keyboard.press("Escape");

  await page.getByLabel("Instructions").fill("Something else");
  await page.getByTestId("presets-button").click();
  await row.getByRole("button", { name: "Load" }).click();
  await page.getByRole("dialog", { name: /^Load/ }).getByRole("button", { name: "Replace draft" }).click();
  await expect(page.getByLabel("Instructions")).toHaveValue("Answer like a pirate.");

  await page.getByTestId("presets-button").click();
  await row.getByRole("button", { name: `Delete preset ${name}` }).click();
  await page.getByTestId("confirm-ok").click();
  await expect(row).toHaveCount(0);
});

test("a share link opens read-only for a teammate, continues in their draft, and stops working once revoked", async ({
  page,
  browser,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await page.getByLabel("Instructions").fill("Shared instructions");
  await pg.say("Shared question");
  await pg.runAndWait();
  await page.getByTestId("share-button").click();
  await page.getByLabel("Title (optional)").fill("Echo demo");
  await page.getByTestId("create-share").click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{20,}$/);

  const email = `mate-${Date.now()}@example.com`;
  cli("user:add", "--email", email, "--password", "teammate-password-123", "--name", "Mate");
  const context = await browser.newContext();
  const mate = await context.newPage();
  // Signed out, the link asks for sign-in and comes back.
  await mate.goto(link);
  await expect(mate).toHaveURL(/\/sign-in/);
  await mate.getByLabel("Email").fill(email);
  await mate.getByLabel("Password").fill("teammate-password-123");
  await mate.getByRole("button", { name: /sign in/i }).click();
  await expect(mate).toHaveURL(link);
  await expect(mate.getByTestId("share-title")).toHaveText("Echo demo");
  await expect(mate.getByTestId("shared-message").first()).toContainText("Shared question");
  await expect(mate.getByTestId("shared-view")).toContainText("Echo: Shared question");
  const body = await mate.content();
  expect(body).not.toContain(E2E.apiKey);
  await mate.getByTestId("open-in-playground").click();
  await expect(mate).toHaveURL(/\/playground/);
  await expect(mate.getByLabel("Instructions")).toHaveValue("Shared instructions");

  await page.getByTestId("revoke-share").first().click();
  await expect(page.getByTestId("share-list")).toContainText("revoked");
  await mate.goto(link);
  await expect(mate.getByTestId("share-unavailable")).toContainText("revoked");
  await context.close();
});

test("a share holding something shaped like a key is refused", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("my key is sk-proj-abcdefghijklmnopqrstuvwxyz0123");
  await page.getByTestId("share-button").click();
  await page.getByTestId("create-share").click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText(/secret|key/i);
});

test("generated curl and Node code send exactly the playground's request", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await page
    .getByRole("textbox", { name: "System message" })
    .fill(`Quotes ' " and $HOME and \`ticks\` and \\ backslash`);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} must survive every language's quoting
  await pg.say("Héllo 👋 — ${x}");
  await pg.param("Temperature", "0.7");
  const bodies: Record<string, string | undefined> = {};
  const lastBody = async () =>
    (await emulator.requests()).filter((r) => r.path === "/v1/chat/completions").at(-1)?.rawBody;

  await page.getByTestId("view-code").click();
  await page.getByTestId("code-target").click();
  await page.getByRole("option", { name: /Upstream directly/ }).click();
  const env = { ...process.env, OPENAI_API_KEY: E2E.apiKey };
  for (const [tab, run] of [
    ["curl", (code: string) => execFileSync("bash", ["-c", code], { env, encoding: "utf8" })],
    [
      "Node",
      (code: string) => execFileSync("node", ["--input-type=module", "-e", code], { env, encoding: "utf8" }),
    ],
  ] as const) {
    await page.getByRole("tab", { name: tab }).click();
    const code = (await page.getByRole("region", { name: /code$/ }).textContent()) ?? "";
    expect(code).toContain("OPENAI_API_KEY");
    expect(code).not.toContain(E2E.apiKey);
    // The code targets the upstream the console is configured with: here, the emulator.
    run(code);
    bodies[tab] = await lastBody();
  }
  await page.keyboard.press("Escape");
  await pg.runAndWait();
  const ours = await lastBody();
  expect(ours).toContain("Héllo 👋");
  expect(bodies.curl, "curl code sent a different body").toBe(ours);
  expect(bodies.Node, "Node code sent a different body").toBe(ours);
});

test("public links open without signing in only while an admin allows them", async ({
  page,
  browser,
  signIn,
}) => {
  await signIn(page);
  await page.goto("/settings?tab=playground");
  const toggle = page.getByTestId("public-share-links");
  // The box flips at once; wait for the server to have the setting before relying on it.
  const saved = () =>
    page.waitForResponse((r) => r.url().endsWith("/api/settings/sharing") && r.request().method() === "PUT");
  await Promise.all([saved(), toggle.check()]);
  await expect(toggle).toBeChecked();
  try {
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await pg.say("Public question");
    await page.getByTestId("share-button").click();
    await page.getByLabel(/Anyone with the link/).check();
    await page.getByTestId("create-share").click();
    const link = await page.getByTestId("share-link").inputValue();
    const anon = await browser.newContext();
    const stranger = await anon.newPage();
    await stranger.goto(link);
    await expect(stranger.getByTestId("shared-message").first()).toContainText("Public question");
    await expect(stranger.getByTestId("open-in-playground")).toHaveCount(0);

    await page.goto("/settings?tab=playground");
    await expect(page.getByTestId("public-share-links")).toBeChecked();
    await Promise.all([saved(), page.getByTestId("public-share-links").uncheck()]);
    await stranger.goto(link);
    await expect(stranger).toHaveURL(/\/sign-in/);
    await anon.close();
  } finally {
    await page.goto("/settings?tab=playground");
    const box = page.getByTestId("public-share-links");
    await expect(box).toBeEnabled();
    if (await box.isChecked()) await Promise.all([saved(), box.uncheck()]);
  }
});

test("admin overrides of the model catalogue reach the playground", async ({ page, signIn }) => {
  await signIn(page);
  await page.goto("/settings?tab=playground");
  await page.getByTestId("model-overrides").fill('{"gpt-4o-mini": {"contextWindow": 64000}}');
  await page.getByTestId("save-model-overrides").click();
  await expect(page.getByText("Saved;")).toBeVisible();
  try {
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await expect(page.getByTestId("model-facts")).toContainText("64,000 context");
    await page.goto("/settings?tab=playground");
    await page.getByTestId("model-overrides").fill('{"gpt-4o-mini": {"contextWindow": "big"}}');
    await page.getByTestId("save-model-overrides").click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("contextWindow");
  } finally {
    await page.goto("/settings?tab=playground");
    await page.getByTestId("model-overrides").fill("");
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/settings/models") && r.request().method() === "PUT"),
      page.getByTestId("save-model-overrides").click(),
    ]);
  }
});
