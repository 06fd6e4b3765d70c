import { expect, type Locator, type Page } from "@playwright/test";
import { inConsoleOrigin } from "../support/fresh";

/** The tokenizer, driven the way a person uses it. */
export class TokenizerPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/tokenizer");
    await expect(this.page.getByRole("heading", { level: 1, name: "Tokenizer" })).toBeVisible();
    await expect(this.page.getByTestId("tokenizer-model")).toBeVisible();
  }

  /** A fresh draft: localStorage cleared, then the page loaded. */
  async fresh(): Promise<void> {
    await inConsoleOrigin(this.page, "/tokenizer", () => localStorage.clear());
    await this.goto();
  }

  /** The text box: a CodeMirror editor (contenteditable), which draws only the lines on screen. */
  textBox(): Locator {
    return this.page.getByTestId("tokenizer-text");
  }

  async type(text: string): Promise<void> {
    await this.textBox().fill(text);
  }

  /**
   * Pastes `text` over the box's content, as Ctrl+V would (a synthetic paste event, which the editor
   * handles like a real one). Playwright's fill() types through the browser's editing, which is slow
   * for a megabyte.
   */
  async paste(text: string): Promise<void> {
    await this.textBox().focus();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.textBox().evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData("text/plain", value);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Types a model id and closes the suggestions (while open, the rest of the page is aria-hidden). */
  async model(id: string): Promise<void> {
    const input = this.page.getByTestId("tokenizer-model");
    await input.fill(id);
    await input.press("Escape");
  }

  /** "" for the model's encoding. */
  async encoding(name: string): Promise<void> {
    await this.page.getByTestId("tokenizer-encoding").selectOption(name);
  }

  stat(id: "tokens" | "chars" | "words" | "per-token" | "cost-input" | "cost-output"): Locator {
    return this.page.getByTestId(`stat-${id}`);
  }

  /** Waits until the counts reflect the current text, then returns the token count. */
  async tokens(): Promise<number> {
    await expect(this.page.getByTestId("token-stats")).toHaveAttribute("data-pending", "false", {
      timeout: 30_000,
    });
    return Number((await this.stat("tokens").textContent())?.replace(/,/g, ""));
  }

  view(): Locator {
    return this.page.getByTestId("token-view");
  }

  segment(n: number): Locator {
    return this.view().locator(`[data-seg="${n}"]`).first();
  }

  async showAs(kind: "text" | "ids"): Promise<void> {
    await this.page.getByTestId(`view-${kind}`).check({ force: true });
  }

  /** The ids on screen in the id view, in order. */
  async idsShown(): Promise<number[]> {
    await this.showAs("ids");
    await expect(this.view()).toHaveAttribute("data-view", "ids");
    const ids = await this.view().locator("[data-tok]").allTextContents();
    await this.showAs("text");
    return ids.map(Number);
  }

  async mode(mode: "text" | "chat"): Promise<void> {
    await this.page.getByTestId(`mode-${mode}`).check({ force: true });
  }
}
