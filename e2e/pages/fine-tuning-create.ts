import { expect, type Locator, type Page } from "@playwright/test";
import { inConsoleOrigin } from "../support/fresh";

export type Slot = "training" | "validation";

/** /fine-tuning/new, driven the way a person uses it. */
export class FineTuningCreatePage {
  constructor(readonly page: Page) {}

  /** The page with an empty draft (the draft persists in localStorage). */
  async fresh(): Promise<void> {
    await inConsoleOrigin(this.page, "/fine-tuning/new", () =>
      localStorage.removeItem("benchtop.fine-tuning.create.v1"),
    );
    await this.page.goto("/fine-tuning/new");
    await expect(this.page.getByRole("heading", { name: "New fine-tuning job", level: 1 })).toBeVisible();
  }

  slot(slot: Slot): Locator {
    return this.page.getByTestId(`${slot}-file`);
  }

  report(slot: Slot): Locator {
    return this.page.getByTestId(`${slot}-file-report`);
  }

  async checkLocal(slot: Slot, name: string, text: string): Promise<void> {
    await this.page
      .getByTestId(`${slot}-file-input`)
      .setInputFiles({ name, mimeType: "application/jsonl", buffer: Buffer.from(text) });
    await expect(this.report(slot)).toBeVisible();
  }

  issues(slot: Slot): Locator {
    return this.report(slot).getByTestId("validation-issue");
  }

  async jumpTo(slot: Slot, line: number): Promise<Locator> {
    await this.issues(slot)
      .filter({ hasText: `Line ${line}` })
      .first()
      .getByTestId("jump-to-line")
      .click();
    return this.page.getByTestId("line-view");
  }

  /** Uploads the checked local file and waits until the slot has its file id. */
  async upload(slot: Slot): Promise<void> {
    await this.page.getByTestId(`${slot}-file-upload`).click();
    await expect(this.page.getByTestId(`${slot}-file-select`)).not.toHaveValue("");
  }

  async method(label: "Supervised" | "DPO" | "Reinforcement"): Promise<void> {
    await this.page.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
  }

  async hyperparameter(name: string, value: string): Promise<void> {
    await this.page.getByTestId(`hp-${name}`).fill(value);
  }

  async create(): Promise<void> {
    await this.page.getByTestId("create-job").click();
  }

  refusal(): Locator {
    return this.page.getByTestId("create-refusal");
  }
}
