import { expect, type Locator, type Page } from "@playwright/test";

/** The Vector stores page, driven the way a person uses it. */
export class VectorStoresPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/vector-stores");
  }

  /** Opens the new-store form; `fill` sets more than the name before it is submitted. */
  async create(name: string, fill?: (form: Page) => Promise<void>): Promise<void> {
    await this.goto();
    await this.page.getByTestId("new-store").click();
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    await fill?.(this.page);
    await this.submit();
    await expect(this.details()).toContainText(name);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("create-store-submit").click();
  }

  /** Uploads text files into the open store. */
  async upload(files: { name: string; text: string }[]): Promise<void> {
    await this.page.getByTestId("add-files").click();
    await this.page
      .getByTestId("add-files-upload")
      .setInputFiles(
        files.map((f) => ({ name: f.name, mimeType: "text/plain", buffer: Buffer.from(f.text) })),
      );
  }

  /** The stores in the list, or the one named `name`. */
  store(name?: string): Locator {
    const items = this.page.getByTestId("store-item");
    return name ? items.filter({ hasText: name }) : items;
  }

  async open(name: string): Promise<void> {
    await this.store(name).click();
  }

  details(): Locator {
    return this.page.getByTestId("store-details");
  }

  /** The open store's files; with `status`, only those in that state. */
  files(status?: "in_progress" | "completed" | "failed" | "cancelled"): Locator {
    return status
      ? this.page.locator(`[data-testid="store-file"][data-status="${status}"]`)
      : this.page.getByTestId("store-file");
  }

  file(text: string): Locator {
    return this.files().filter({ hasText: text });
  }

  /** Runs a search in the open store's Search tab; `filters` is the attribute filter JSON. */
  async search(query: string, filters?: string): Promise<void> {
    await this.page.getByRole("tab", { name: "search" }).click();
    await this.page.getByLabel("Search query").fill(query);
    if (filters !== undefined) await this.page.getByLabel("Attribute filters (JSON)").fill(filters);
    await this.page.getByTestId("search-submit").click();
  }

  results(): Locator {
    return this.page.getByTestId("search-result");
  }
}
