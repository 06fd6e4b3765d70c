import { expect, type Locator, type Page } from "@playwright/test";
import { inConsoleOrigin } from "../support/fresh";
import { hydrated } from "../support/hydrated";

/** The image studio, driven the way a person uses it. */
export class ImagesPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/images");
    await expect(this.page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();
    const field = this.prompt().or(this.page.getByTestId("image-input-file")).first();
    // Typed before React hydrates the form, a prompt never reaches the draft and Generate stays off.
    await hydrated(field);
  }

  /** A fresh draft: localStorage cleared, then the page loaded. */
  async fresh(): Promise<void> {
    await inConsoleOrigin(this.page, "/images", () => localStorage.clear());
    await this.goto();
  }

  prompt(): Locator {
    return this.page.getByTestId("image-prompt");
  }

  runButton(): Locator {
    return this.page.getByTestId("image-run");
  }

  results(): Locator {
    return this.page.getByTestId("image-result");
  }

  param(name: string): Locator {
    return this.page.getByTestId(`param-${name}`);
  }

  /** Types a model id and closes the suggestions (while open, the rest of the page is aria-hidden). */
  async model(id: string): Promise<void> {
    const input = this.page.getByTestId("image-model");
    await input.fill(id);
    await input.press("Escape");
  }

  async mode(name: "Generate" | "Edit" | "Variations"): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
    await expect(this.page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
  }

  async upload(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByTestId("image-input-file").setInputFiles(files);
  }

  /** The option values of a parameter's select. */
  async options(name: string): Promise<string[]> {
    return this.param(name)
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  /** Sets the catalogue overrides as an admin would in Settings (one PUT from the page). */
  async setOverrides(overrides: Record<string, unknown>): Promise<void> {
    const status = await this.page.evaluate(async (body) => {
      const r = await fetch("/api/settings/models", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      // Read to the end: a body nobody reads never finishes loading, and the test's response
      // audit would wait for it.
      await r.text();
      return r.status;
    }, overrides);
    expect(status).toBe(200);
  }
}
