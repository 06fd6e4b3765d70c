import { expect, type Locator, type Page } from "@playwright/test";

/** The Limits page and the playground's gauge, read the way a person reads them. */
export class LimitsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/limits");
    await expect(this.page.getByRole("heading", { level: 1, name: "Limits" })).toBeVisible();
  }

  /** One model's row of one kind (`requests`, `tokens`). */
  rateLimit(model: string, kind: string): Locator {
    return this.page
      .locator(`[data-testid="rate-limit-model"][data-model="${model}"]`)
      .locator(`[data-testid="rate-limit-row"][data-kind="${kind}"]`);
  }

  countdown(model: string, kind: string): Locator {
    return this.rateLimit(model, kind).getByTestId("reset-countdown");
  }

  cause(cause: string): Locator {
    return this.page.locator(`[data-testid="rejection-cause"][data-cause="${cause}"]`);
  }

  /** The count of one code within a cause. */
  count(cause: string, code: string): Locator {
    return this.cause(cause)
      .locator(`[data-testid="rejection-row"][data-code="${code}"]`)
      .getByTestId("rejection-count");
  }

  gauge(): Locator {
    return this.page.getByTestId("rate-limit-gauge");
  }
}

/** The Usage page's Organization tab (admins, OPENAI_ADMIN_KEY). */
export class OrgUsage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/usage?tab=org&bucket=day");
    await expect(this.page.getByTestId("org-usage")).toBeVisible({ timeout: 20_000 });
  }

  difference(): Locator {
    return this.page.getByTestId("org-difference");
  }

  /** The requests difference as a number (`+3` → 3, `−1` → -1). */
  async requestsDiff(): Promise<number> {
    const t = ((await this.page.getByTestId("org-diff-requests").textContent()) ?? "")
      .replace("−", "-")
      .replace(/[,+\s]/g, "");
    return Number(t);
  }
}
