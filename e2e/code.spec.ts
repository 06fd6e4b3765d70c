// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a literal ${x} must survive every language's quoting.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { pythonWithOpenai } from "../test/python-openai";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

/** View code: the SDK programs, their tabs and copy, on a phone too; and Chat's instructions role. */

const py = pythonWithOpenai();

function runProgram(lang: "curl" | "Python" | "Node", code: string): string {
  // Inside the repository, so the Node program's `import "openai"` resolves from node_modules.
  mkdirSync("test-results", { recursive: true });
  const dir = mkdtempSync(path.resolve("test-results", "e2e-code-"));
  const file = path.join(dir, { curl: "request.sh", Python: "request.py", Node: "request.mjs" }[lang]);
  writeFileSync(file, code);
  const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_API_KEY: E2E.apiKey, PYTHONIOENCODING: "utf-8" };
  for (const k of Object.keys(env)) if (/_proxy$|^OPENAI_BASE_URL$/i.test(k)) delete env[k];
  const cmd = { curl: "bash", Python: "python" in py ? py.python : "python3", Node: process.execPath }[lang];
  try {
    return execFileSync(cmd, [file], {
      env,
      encoding: "utf8",
      timeout: 60_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openCode(page: Page) {
  await page.getByTestId("view-code").click();
  const dialog = page.getByRole("dialog", { name: "View code" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("the SDK programs are the default and send exactly the playground's request", async ({
  page,
  signIn,
}) => {
  test.skip(
    "skip" in py && process.env.CI !== "true",
    `Python with the openai package: ${"skip" in py ? py.skip : ""}`,
  );
  test.setTimeout(120_000);
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await page
    .getByRole("textbox", { name: "System message" })
    .fill(`Quotes ' " """ and $HOME and \`ticks\` and \\ backslash\nline two`);
  await pg.say("Héllo 👋 — ${x}");
  await pg.param("Temperature", "1");
  const lastBody = async () =>
    (await emulator.requests()).filter((r) => r.path === "/v1/chat/completions").at(-1)?.rawBody;

  const dialog = await openCode(page);
  const tabs = dialog.getByRole("tab");
  await expect(tabs).toHaveText(["curl", "Python", "Node", "JSON"]);
  await expect(dialog.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
  await page.getByTestId("code-target").click();
  await page.getByRole("option", { name: /Upstream directly/ }).click();

  const bodies: Record<string, string | undefined> = {};
  const outputs: Record<string, string> = {};
  for (const tab of ["Python", "Node", "curl"] as const) {
    await dialog.getByRole("tab", { name: tab }).click();
    const code = (await dialog.getByRole("region", { name: /code$/ }).textContent()) ?? "";
    expect(code).toContain("OPENAI_API_KEY");
    expect(code).not.toContain(E2E.apiKey);
    if (tab === "Python") expect(code).toContain("from openai import OpenAI");
    if (tab === "Node") expect(code).toContain("await client.chat.completions.create(");
    // The program targets the upstream the console is configured with: here, the emulator.
    outputs[tab] = runProgram(tab, code);
    bodies[tab] = await lastBody();
  }
  // The SDK programs stream the reply's text as it arrives, then print the usage.
  expect(outputs.Python).toContain("Echo: Héllo 👋 — ${x}");
  expect(outputs.Node).toContain("Echo: Héllo 👋 — ${x}");
  expect(outputs.Python).toMatch(/^usage: \{/m);
  await page.keyboard.press("Escape");
  await pg.runAndWait();
  const ours = await lastBody();
  expect(ours).toContain("Héllo 👋");
  for (const tab of ["Python", "Node", "curl"])
    expect(bodies[tab], `${tab} sent a different body`).toBe(ours);
});

test("copy puts the program shown on the clipboard", async ({ page, context, signIn }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Copy me");
  const dialog = await openCode(page);
  for (const tab of ["Node", "JSON"]) {
    await dialog.getByRole("tab", { name: tab }).click();
    const shown = (await dialog.getByRole("region", { name: /code$/ }).textContent()) ?? "";
    await dialog.getByRole("button", { name: /^Copy/ }).click();
    await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  }
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 740 }, hasTouch: true });

  test("the tabs, the target and the code fit; long lines scroll inside the code", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await pg.say(`A long line ${"without breaks ".repeat(20)}`);
    const dialog = await openCode(page);
    const fits = async (name: string, box: { x: number; width: number } | null) =>
      expect(box && box.x >= 0 && box.x + box.width <= 390, `${name} is clipped`).toBe(true);
    await fits("the dialog", await dialog.boundingBox());
    for (const tab of ["curl", "Python", "Node", "JSON"])
      await fits(`the ${tab} tab`, await dialog.getByRole("tab", { name: tab }).boundingBox());
    await fits("the target", await page.getByTestId("code-target").boundingBox());
    const region = dialog.getByRole("region", { name: /code$/ });
    await fits("the code", await region.boundingBox());
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await dialog.getByRole("tab", { name: "Node" }).tap();
    await expect(region).toContainText("import OpenAI");
  });
});

test("Chat sends the system text as the model's role on auto, and as the role the switch picks", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  const role = page.getByTestId("instructions-role");
  await page.getByRole("textbox", { name: "System message" }).fill("Be terse.");
  await pg.say("Hi");
  const sentRole = async () => {
    const body = (await emulator.lastPost("/v1/chat/completions")).json;
    return (body.messages as { role: string }[])[0]?.role;
  };

  // An unknown model (a compatible server's): `system`, which every server takes.
  await pg.model("acme-llm-7b");
  await expect(role).toHaveValue("auto");
  await expect(role.locator("option:checked")).toHaveText("auto (system)");
  await pg.runAndWait("error"); // the emulator does not serve it; the request is what counts
  expect(await sentRole()).toBe("system");

  await role.selectOption("developer");
  await pg.runAndWait("error");
  expect(await sentRole()).toBe("developer");

  // Back on auto, an OpenAI reasoning model takes `developer`.
  await role.selectOption("auto");
  await pg.model("o4-mini");
  await expect(role.locator("option:checked")).toHaveText("auto (developer)");
  await pg.runAndWait();
  expect(await sentRole()).toBe("developer");

  // The choice is kept in the draft across a reload.
  await role.selectOption("system");
  await page.reload();
  await expect(page.getByTestId("instructions-role")).toHaveValue("system");
});

test("a draft saved before auto existed moves its old default `developer` to auto; `system` stays", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await page.getByRole("textbox", { name: "System message" }).fill("Be terse.");
  const role = page.getByTestId("instructions-role");
  await expect(role).toHaveValue("auto");
  // Rewrite the stored draft as the previous version wrote it.
  const asV1 = (value: string) =>
    page.evaluate((value) => {
      const key = "benchtop.playground.v1";
      const v = JSON.parse(localStorage.getItem(key) ?? "{}");
      v.state.setup.instructionsRole = value;
      localStorage.setItem(key, JSON.stringify({ state: v.state, version: 1 }));
    }, value);
  await asV1("developer");
  await page.reload();
  await expect(role).toHaveValue("auto");
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue("Be terse.");
  await asV1("system");
  await page.reload();
  await expect(role).toHaveValue("system");
});
