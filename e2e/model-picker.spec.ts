import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { TokenizerPage } from "./pages/tokenizer";

/** The model picker (components/models/model-picker.tsx) driven by keyboard alone, as a combobox. */

function picker(page: Page) {
  const input = page.getByRole("combobox", { name: "Model" }).first();
  const list = page.getByRole("listbox");
  return {
    input,
    list,
    option: (id: string) => list.getByRole("option").filter({ has: page.locator(`[data-model="${id}"]`) }),
    highlighted: () => list.locator("[role=option][data-highlighted]"),
  };
}

test("opens with ArrowDown, groups by family, filters as you type, Enter chooses", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const p = picker(page);
  await p.input.fill("gpt-4.1");
  await p.input.press("Escape");
  await expect(p.list).toBeHidden();

  // Opening shows every model, not only those matching what is already in the input.
  await p.input.press("ArrowDown");
  await expect(p.list).toBeVisible();
  await expect(p.input).toHaveAttribute("aria-expanded", "true");
  await expect(p.list.getByRole("group", { name: "GPT-5", exact: true })).toBeVisible();
  await expect(p.list.getByRole("group", { name: "GPT-4o", exact: true }).getByRole("option")).toHaveCount(5);
  // The catalogue knows the moderation model speaks only its own API: the playground does not offer it.
  await expect(p.option("omni-moderation-latest")).toHaveCount(0);
  // The catalogue's models come too, marked as not listed by the upstream.
  await expect(p.option("gpt-5-nano")).toContainText("not listed");
  await expect(p.option("gpt-4o")).toContainText("vision");
  await expect(p.option("o3")).toContainText("reasoning");

  await p.input.fill("");
  await p.input.pressSequentially("4o mini");
  await expect(p.list.getByRole("option")).toHaveCount(2);
  await expect(p.list.getByRole("group")).toHaveCount(1);
  await expect(p.list.getByRole("group")).toHaveAccessibleName("GPT-4o");
  await p.input.press("ArrowDown");
  await expect(p.highlighted()).toContainText("gpt-4o-mini");
  await expect(p.input).toHaveAttribute("aria-activedescendant", /.+/);
  await p.input.press("ArrowDown");
  await expect(p.highlighted()).toContainText("ft:gpt-4o-mini-2024-07-18:benchtop::emu12345");
  await p.input.press("ArrowUp");
  await p.input.press("Enter");
  await expect(p.list).toBeHidden();
  await expect(p.input).toHaveValue("gpt-4o-mini");
  await expect(page.getByTestId("model-facts")).toContainText("128,000 context");
  await expect(page.getByText("Not in the upstream's list")).toBeHidden();
});

test("any id can be typed: Escape closes the list and keeps it, Home and End move the caret", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const p = picker(page);
  await p.input.fill("");
  await p.input.pressSequentially("my-local-llama");
  const none = page.getByText("No model matches; the id is sent as typed.");
  await expect(none).toBeVisible();
  await p.input.press("Escape");
  await expect(none).toBeHidden();
  await expect(p.input).toHaveValue("my-local-llama");
  // A second Escape on the closed list does not clear it either.
  await p.input.press("Escape");
  await expect(p.input).toHaveValue("my-local-llama");
  await expect(page.getByText("Not in the upstream's list; it will be sent as typed.")).toBeVisible();
  await expect(page.getByTestId("model-facts")).toContainText("Unknown to the catalogue");

  await p.input.press("Home");
  expect(await p.input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(0);
  await p.input.press("End");
  expect(await p.input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe("my-local-llama".length);

  // Escape with an item highlighted closes without choosing it.
  await p.input.press("ArrowDown");
  await p.input.press("ArrowDown");
  await expect(p.highlighted()).toHaveCount(1);
  await p.input.press("Escape");
  await expect(p.list).toBeHidden();
  await expect(p.input).toHaveValue("my-local-llama");

  // What was typed is what runs.
  await pg.say("hello");
  await pg.runAndWait("error");
  await expect(pg.runPanel()).toContainText("The model 'my-local-llama' does not exist");
});

test("shutdown dates show as badges: coming and past", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const p = picker(page);
  await p.input.press("ArrowDown");
  const coming = p.option("gpt-5-mini").getByTestId("model-option-shutdown");
  await expect(coming).toContainText("shuts down");
  await expect(coming.locator("time")).toHaveAttribute("datetime", "2026-12-11");
  const past = p.option("gpt-4o-2024-05-13").getByTestId("model-option-shutdown");
  await expect(past).toContainText("shut down");
  await expect(past.locator("time")).toHaveAttribute("datetime", "2026-10-23");
  // Only models of the chosen API: the Completions-only model is not offered for Responses.
  await expect(p.option("gpt-3.5-turbo-instruct")).toHaveCount(0);
});

test("the tokenizer's picker offers every model, retired ones included, and fits a phone", async ({
  page,
  signIn,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  const input = page.getByTestId("tokenizer-model");
  await expect(input).toHaveAccessibleName("Model");
  await input.fill("");
  await input.pressSequentially("davinci-0");
  const list = page.getByRole("listbox");
  await expect(list.getByRole("group", { name: "Retired", exact: true })).toBeVisible();
  const box = await list.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await input.press("ArrowDown");
  await input.press("Enter");
  await expect(input).toHaveValue("davinci-002");
  await expect(page.getByTestId("encoding-note")).toHaveAttribute("data-source", "model");
  await expect(page.getByTestId("encoding-note")).toContainText("cl100k_base");
});

test("typing before the combobox has loaded carries on in it", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  // Hold back the chunk with the combobox (found by a class only it uses) until some text is in.
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("data-highlighted:ring-border")) await held;
    await route.fulfill({ response });
  });
  await page.reload();
  const input = page.getByTestId("model-input").first();
  await input.fill("gpt-4o");
  await expect(page.getByRole("combobox", { name: "Model" })).toHaveCount(0);
  release();
  const p = picker(page);
  await expect(p.input).toBeFocused();
  await expect(p.input).toHaveValue("gpt-4o");
  await page.keyboard.type("-m");
  await expect(p.list).toBeVisible();
  await expect(p.input).toHaveValue("gpt-4o-m");
  await expect(p.list.getByRole("option")).toHaveCount(2);
});
