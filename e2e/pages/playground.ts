import { expect, type Locator, type Page } from "@playwright/test";
import { inConsoleOrigin } from "../support/fresh";
import { hydrated } from "../support/hydrated";

/** The chat playground, driven the way a person uses it. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/playground");
    await expect(this.page.getByTestId("run")).toBeVisible();
    await hydrated(this.page.getByTestId("model-input").first());
  }

  /** A fresh draft: localStorage cleared, then the page loaded. */
  async fresh(): Promise<void> {
    await inConsoleOrigin(this.page, "/playground", () => localStorage.clear());
    await this.goto();
  }

  async api(name: "Responses" | "Chat" | "Completions"): Promise<void> {
    await this.page.getByRole("radio", { name }).check({ force: true });
  }

  /** Types a model id and closes the suggestions (while open, the rest of the page is aria-hidden). */
  async model(id: string): Promise<void> {
    const input = this.page.getByTestId("model-input").first();
    // A re-render that restores the draft's model mid-typing would leave both ids in the field.
    await expect(async () => {
      await input.fill(id);
      await expect(input).toHaveValue(id, { timeout: 1_000 });
    }).toPass();
    await input.press("Escape");
  }

  message(n: number): Locator {
    return this.page.getByTestId("message").nth(n - 1);
  }

  /** An assistant message's text as it reads formatted (Markdown or JSON), not its raw source. */
  reply(n: number): Locator {
    return this.message(n).getByTestId("message-rendered");
  }

  async say(text: string): Promise<void> {
    const last = this.page.getByTestId("message").last();
    await last.getByRole("textbox").fill(text);
  }

  async run(): Promise<void> {
    await this.page.getByTestId("run").click();
  }

  runPanel(): Locator {
    return this.page.getByTestId("run-panel").first();
  }

  async runAndWait(status: "done" | "error" | "stopped" = "done"): Promise<void> {
    await this.run();
    await expect(this.runPanel()).toHaveAttribute("data-status", status, { timeout: 15_000 });
  }

  async param(label: string, value: string): Promise<void> {
    await this.page.getByTestId("params-panel").getByLabel(label, { exact: true }).fill(value);
  }

  async inspectorRequest(): Promise<string> {
    await this.runPanel().getByTestId("inspect").click();
    return (await this.page.getByTestId("inspector-request-body").textContent()) ?? "";
  }
}
