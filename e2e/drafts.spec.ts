import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { SettingsPage } from "./pages/settings";
import { TokenizerPage } from "./pages/tokenizer";
import { VectorStoresPage } from "./pages/vector-stores";

/** Issue 11, part 3: drafts across tabs, the page's own confirm/prompt dialogs, dialogs on a phone, dates, Compare. */

/** Fails the test if the browser's own confirm/prompt/alert ever opens. */
function noNativePopups(page: Page): void {
  page.on("dialog", (d) => {
    void d.dismiss();
    throw new Error(`a native ${d.type()} popup opened: ${d.message()}`);
  });
}

/** Same text, in the browser's locale and time zone, as lib/format.ts writes a moment. */
async function expectMoment(time: Locator): Promise<void> {
  const iso = await time.getAttribute("title");
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(await time.getAttribute("datetime")).toBe(iso);
  const expected = await time.evaluate(
    (_, at) => new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    iso ?? "",
  );
  await expect(time).toContainText(expected);
}

test.describe("a draft in two tabs", () => {
  test("the playground follows edits made in another tab, and a reload keeps the latest", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const a = new PlaygroundPage(page);
    await a.fresh();
    const other = await page.context().newPage();
    const b = new PlaygroundPage(other);
    await b.goto();

    await a.say("typed in tab A");
    await expect(b.message(1).getByRole("textbox")).toHaveValue("typed in tab A");
    await b.say("then tab B");
    await expect(a.message(1).getByRole("textbox")).toHaveValue("then tab B");
    await expect(page.getByTestId("draft-conflict")).toHaveCount(0);

    await page.reload();
    await expect(a.message(1).getByRole("textbox")).toHaveValue("then tab B");
    await other.close();
  });

  test("typing in both tokenizer tabs at once asks which to keep; the choice reaches both tabs", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const a = new TokenizerPage(page);
    await a.fresh();
    const other = await page.context().newPage();
    // Tab B hears no other tab's write until released, so both tabs write without having seen the
    // other's, as two tabs typing within the tokenizer's 300 ms write delay do (timing-free here).
    await other.addInitScript(() => {
      const w = window as unknown as { __hold: boolean; __release(): void };
      const held: StorageEvent[] = [];
      w.__hold = true;
      window.addEventListener(
        "storage",
        (e) => {
          if (!w.__hold) return;
          e.stopImmediatePropagation();
          held.push(new StorageEvent("storage", e));
        },
        true,
      );
      w.__release = () => {
        w.__hold = false;
        for (const e of held.splice(0)) window.dispatchEvent(e);
      };
    });
    const b = new TokenizerPage(other);
    await b.goto();
    const stored = (p: typeof page) => p.evaluate(() => localStorage.getItem("benchtop.tokenizer.v1") ?? "");

    await a.type("Alpha text");
    await expect.poll(() => stored(page)).toContain("Alpha text");
    await b.type("Beta text");
    await expect.poll(() => stored(other)).toContain("Beta text");
    await other.evaluate(() => (window as unknown as { __release(): void }).__release());
    const notice = page.getByTestId("draft-conflict");
    await expect(notice).toContainText("changed in another tab");
    await expect(other.getByTestId("draft-conflict")).toBeVisible();
    await expect(a.textBox()).toHaveText("Alpha text");
    await expect(b.textBox()).toHaveText("Beta text");

    await notice.getByRole("button", { name: "Take the other tab's" }).click();
    await expect(a.textBox()).toHaveText("Beta text");
    await expect(notice).toHaveCount(0);
    await expect(other.getByTestId("draft-conflict")).toHaveCount(0);
    await expect(b.textBox()).toHaveText("Beta text");
    await page.reload();
    await expect(a.textBox()).toHaveText("Beta text");
    await other.close();
  });

  test("keeping this tab's draft in a conflict overwrites the other tab's", async ({ page, signIn }) => {
    await signIn(page);
    const a = new PlaygroundPage(page);
    await a.fresh();
    await a.say("mine");
    const other = await page.context().newPage();
    await other.goto("/settings");
    // A write this tab never saw, as a tab of another build or a raced write would make.
    await other.evaluate(() => {
      const key = "benchtop.playground.v1";
      const v = JSON.parse(localStorage.getItem(key) ?? "{}");
      v.state.setup.messages[0].content = "theirs";
      localStorage.setItem(key, JSON.stringify({ ...v, rev: "rev_other", parent: "rev_never_seen" }));
    });
    const notice = page.getByTestId("draft-conflict");
    await expect(notice).toBeVisible();
    await expect(a.message(1).getByRole("textbox")).toHaveValue("mine");
    await notice.getByRole("button", { name: "Keep this tab's" }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(a.message(1).getByRole("textbox")).toHaveValue("mine");
    await other.close();
  });
});

test("presets: Load asks before replacing typed work; rename and delete use the page's dialogs", async ({
  page,
  signIn,
}) => {
  noNativePopups(page);
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const name = `drafts-${Date.now()}`;
  await page.getByLabel("Instructions").fill("From the preset.");
  await page.getByTestId("presets-button").click();
  const presets = page.getByRole("dialog", { name: "Presets" });
  await presets.getByLabel("Preset name").fill(name);
  await presets.getByRole("button", { name: "Save" }).click();
  const row = presets.getByTestId("preset").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expectMoment(row.locator("time"));
  await presets.getByRole("button", { name: "Close" }).click();

  await page.getByLabel("Instructions").fill("Typed since.");
  await page.getByTestId("presets-button").click();
  await row.getByRole("button", { name: "Load" }).click();
  const ask = page.getByRole("dialog", { name: `Load “${name}”?` });
  await expect(ask).toContainText("replaces your current draft");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await presets.getByRole("button", { name: "Close" }).click();
  await expect(page.getByLabel("Instructions")).toHaveValue("Typed since.");

  await page.getByTestId("presets-button").click();
  await row.getByRole("button", { name: "Load" }).click();
  await ask.getByRole("button", { name: "Replace draft" }).click();
  await expect(page.getByLabel("Instructions")).toHaveValue("From the preset.");

  await page.getByTestId("presets-button").click();
  await row.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename preset" });
  const input = rename.getByLabel("Name");
  await expect(input).toBeFocused();
  await input.fill("   ");
  await expect(rename.getByRole("button", { name: "Rename" })).toBeDisabled();
  await input.fill(`${name} v2`);
  await rename.getByRole("button", { name: "Rename" }).click();
  const renamed = presets.getByTestId("preset").filter({ hasText: `${name} v2` });
  await expect(renamed).toBeVisible();
  await renamed.getByRole("button", { name: `Delete preset ${name} v2` }).click();
  const del = page.getByRole("dialog", { name: `Delete the preset “${name} v2”?` });
  // Destructive: Cancel has the focus, so Enter does not delete.
  await expect(del.getByRole("button", { name: "Cancel" })).toBeFocused();
  await del.getByRole("button", { name: "Delete" }).click();
  await expect(renamed).toHaveCount(0);
});

test("an image URL is asked for in the page's dialog and checked as typed", async ({ page, signIn }) => {
  noNativePopups(page);
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await page.getByLabel("Add image URL to message 1").click();
  const dialog = page.getByRole("dialog", { name: "Add an image by URL" });
  const input = dialog.getByLabel("Image URL (https) or data: URL");
  await input.fill("ftp://example.com/cat.png");
  await expect(dialog.getByTestId("prompt-error")).toHaveText("Use an http(s) URL or paste the image.");
  await expect(dialog.getByRole("button", { name: "Add image" })).toBeDisabled();
  await input.fill("https://example.com/cat.png");
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(pg.message(1).getByRole("img")).toHaveAttribute("src", "https://example.com/cat.png");
});

test("vector stores: rename and delete through the page's dialogs; dates read one way", async ({
  page,
  signIn,
}) => {
  noNativePopups(page);
  await signIn(page);
  const stores = new VectorStoresPage(page);
  const name = `drafts-store-${Date.now()}`;
  await stores.create(name);
  await expectMoment(page.getByTestId("store-last-active").locator("time"));
  await stores.details().getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename vector store" });
  await expect(rename.getByLabel("Name")).toHaveValue(name);
  await rename.getByLabel("Name").fill(`${name} renamed`);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(stores.details()).toContainText(`${name} renamed`);
  await page.getByTestId("delete-store").click();
  const del = page.getByRole("dialog", { name: `Delete “${name} renamed”?` });
  await expect(del).toContainText("Its files stay in Files.");
  await del.getByRole("button", { name: "Delete" }).click();
  await expect(stores.store(`${name} renamed`)).toHaveCount(0);
});

test("settings: tokens show created, last used and expiry in the one date format", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("tokens");
  await settings.createToken(`dates-${Date.now()}`);
  await page.reload();
  const row = page.getByTestId("token-row").first();
  const times = row.locator("time");
  await expect(times.first()).toBeVisible();
  for (const t of await times.all()) await expectMoment(t);
});

test.describe("dialogs on a phone", () => {
  test.use({ viewport: { width: 390, height: 700 }, hasTouch: true, colorScheme: "dark" });

  /** The close button and a tap on the backdrop (above the popup) each close it, inside the screen. */
  async function closable(page: Page, open: () => Promise<void>, name: string): Promise<void> {
    const dialog = page.getByRole("dialog", { name });
    await open();
    await expect(dialog).toBeVisible();
    const close = dialog.getByRole("button", { name: "Close" }).first();
    const box = await close.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y >= 0).toBe(true);
    await close.tap();
    await expect(dialog).toHaveCount(0);
    await open();
    await expect(dialog).toBeVisible();
    await page.touchscreen.tap(195, 4);
    await expect(dialog).toHaveCount(0);
  }

  test("View code, Share and Presets close with the button and with a tap outside", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await pg.say("Hello");
    await closable(page, () => page.getByTestId("view-code").click(), "View code");
    await closable(page, () => page.getByTestId("share-button").click(), "Share");
    await closable(page, () => page.getByTestId("presets-button").click(), "Presets");
  });

  test("Add files closes with the button and with a tap outside", async ({ page, signIn }) => {
    await signIn(page);
    const stores = new VectorStoresPage(page);
    await stores.create(`phone-${Date.now()}`);
    await closable(page, () => page.getByTestId("add-files").click(), "Add files");
  });
});

test.describe("compare", () => {
  /** Nothing wider than the screen, and every column inside it. */
  async function fits(page: Page, width: number): Promise<void> {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const c of await page.getByTestId("compare-column").all()) {
      const box = await c.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
    }
  }

  test("three columns fit at 1024 px and at 390 px; the toolbar's API drives every column", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    await page.setViewportSize({ width: 1024, height: 800 });
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await page.getByTestId("compare-toggle").check();
    await page.getByTestId("add-column").click();
    const columns = page.getByTestId("compare-column");
    await expect(columns).toHaveCount(3);
    // Nothing typed yet: no red text in any column.
    await expect(page.getByTestId("column-problem")).toHaveCount(0);
    await expect(page.getByTestId("compare").locator(".text-danger")).toHaveCount(0);
    await fits(page, 1024);
    await page.setViewportSize({ width: 390, height: 800 });
    await fits(page, 390);

    await pg.api("Chat");
    for (let i = 1; i <= 3; i++) await expect(page.getByLabel(`API of column ${i}`)).toHaveValue("chat");
    // A column can still differ after.
    await page.getByLabel("API of column 2").selectOption("responses");
    await expect(page.getByLabel("API of column 1")).toHaveValue("chat");
  });

  test("Promote keeps the column's reply in the main view", async ({ page, signIn }) => {
    await signIn(page);
    const pg = new PlaygroundPage(page);
    await pg.fresh();
    await pg.say("Keep me");
    await page.getByTestId("compare-toggle").check();
    const columns = page.getByTestId("compare-column");
    await columns.nth(1).getByTestId("model-input").fill("gpt-4.1-mini");
    await page.getByTestId("run-all").click();
    await expect(columns.nth(1).getByTestId("run-panel")).toHaveAttribute("data-status", "done");
    await columns.nth(1).getByTestId("promote").click();
    await expect(page.getByTestId("compare")).toHaveCount(0);
    await expect(page.getByTestId("model-input")).toHaveValue("gpt-4.1-mini");
    await expect(pg.message(2)).toHaveAttribute("data-role", "assistant");
    await expect(pg.reply(2)).toHaveText("Echo: Keep me");
    await expect(pg.runPanel().getByTestId("run-metrics")).toContainText("out");
  });
});
