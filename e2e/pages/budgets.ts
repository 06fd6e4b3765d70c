import { expect, type Locator, type Page } from "@playwright/test";
import { hydrated } from "../support/hydrated";

/** Settings → Budgets & limits, the limits dialog, the headroom panel on /limits and the notices banner. */
export class BudgetsPage {
  constructor(private readonly page: Page) {}

  async gotoSettings(): Promise<void> {
    await this.page.goto("/settings?tab=budgets");
    await expect(this.page.getByTestId("budgets-panel")).toBeVisible();
    await hydrated(this.page.getByTestId("budget-edit").first());
  }

  user(email: string): Locator {
    return this.page.locator(`[data-testid="budget-user"][data-email="${email}"]`);
  }

  team(): Locator {
    return this.page.getByTestId("budget-team");
  }

  /** A user's token row, the user's token list unfolded first. */
  async token(email: string, name: string): Promise<Locator> {
    const user = this.user(email);
    const row = user.locator(`[data-testid="budget-token"][data-name="${name}"]`);
    if (!(await row.isVisible())) await user.getByRole("button", { name: "Tokens" }).click();
    await expect(row).toBeVisible();
    return row;
  }

  dialog(): Locator {
    return this.page.getByTestId("limits-dialog");
  }

  async openEditor(row: Locator): Promise<Locator> {
    await row.getByTestId("budget-edit").first().click();
    const d = this.dialog();
    await expect(d).toBeVisible();
    await hydrated(d.getByTestId("limits-save"));
    return d;
  }

  field(name: "usdPerDay" | "usdPerMonth" | "rpm" | "tpm" | "softPercent" | "expires" | "models"): Locator {
    return this.dialog().locator(`#limits-${name}`);
  }

  async save(): Promise<void> {
    await this.dialog().getByTestId("limits-save").click();
  }

  headroom(): Locator {
    return this.page.getByTestId("headroom");
  }

  notices(): Locator {
    return this.page.getByTestId("notice");
  }
}
