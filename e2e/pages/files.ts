import { expect, type Locator, type Page } from "@playwright/test";
import { inConsoleOrigin } from "../support/fresh";

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The Files page, driven the way a person uses it. */
export class FilesPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/files");
    await expect(this.page.getByRole("heading", { name: "Files", level: 1 })).toBeVisible();
  }

  /** The page with an empty upload queue (the queue persists in localStorage). */
  async fresh(): Promise<void> {
    await inConsoleOrigin(this.page, "/files", () => localStorage.removeItem("benchtop.uploads.v1"));
    await this.goto();
  }

  async purpose(purpose: string): Promise<void> {
    await this.page.getByTestId("upload-purpose").selectOption(purpose);
  }

  async upload(files: UploadFile[]): Promise<void> {
    await this.page.getByTestId("upload-input").setInputFiles(files);
  }

  /** An upload in the queue, by file name; its `data-status` says where it is. */
  uploadEntry(name: string): Locator {
    return this.page.locator(`[data-testid="upload"][data-name="${name}"]`);
  }

  async uploaded(name: string, timeout?: number): Promise<void> {
    await expect(this.uploadEntry(name)).toHaveAttribute("data-status", "done", { timeout });
  }

  uploadError(): Locator {
    return this.page.getByTestId("upload-error").first();
  }

  /** Rows of the table whose text contains `text` (only the rows in view are in the page). */
  rows(text: string): Locator {
    return this.page.getByTestId("file-row").filter({ hasText: text });
  }

  async filter(purpose: string): Promise<void> {
    await this.page.getByTestId("purpose-filter").selectOption(purpose);
  }

  async sort(label: string): Promise<void> {
    await this.page.getByLabel("Sort").selectOption({ label });
  }

  /** Scrolls the table's own scrolling box, as a wheel or a drag of its scrollbar would. */
  async scrollTable(to: "top" | "bottom"): Promise<void> {
    await this.page.getByTestId("file-table").evaluate((box, end) => {
      box.scrollTop = end === "top" ? 0 : box.scrollHeight;
      box.dispatchEvent(new Event("scroll"));
    }, to);
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel("Search files by name").fill(text);
  }

  /** Opens a file's details from its row. */
  async open(name: string): Promise<Locator> {
    await this.page.getByTestId("file-row").getByRole("button", { name }).click();
    return this.details();
  }

  details(): Locator {
    return this.page.getByTestId("file-details");
  }

  preview(): Locator {
    return this.page.getByTestId("file-preview");
  }

  async selectAllLoaded(): Promise<void> {
    await this.page.getByLabel("Select all loaded files").check();
  }

  /** Deletes the open file (or, with `bulk`, the selected ones) after checking the warning. */
  async delete({ bulk = false } = {}): Promise<void> {
    await this.page.getByTestId(bulk ? "bulk-delete" : "file-delete").click();
    await expect(this.page.getByTestId("delete-warning")).toContainText("removes it from every vector store");
    await this.page.getByTestId("confirm-delete").click();
  }

  empty(): Locator {
    return this.page.getByTestId("files-empty");
  }
}
