import { expect, type Locator, type Page } from "@playwright/test";

/** The History page, a run's page and the diff, driven the way a person uses them. */
export class HistoryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/history");
    await expect(this.page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("history-row");
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId("history-search").fill(text);
  }

  /** Opens the run whose row holds `text`; returns its id. */
  async open(text: string): Promise<string> {
    await this.row(text).first().getByTestId("history-open").click();
    await expect(this.page.getByTestId("run-view")).toBeVisible();
    return this.page.url().split("/history/")[1] ?? "";
  }

  /** Resolves when the playground has stored `n` more finished runs (they are saved in the background). */
  recorded(n = 1): Promise<unknown> {
    let seen = 0;
    return this.page.waitForResponse((r) => {
      if (!r.url().endsWith("/api/history") || r.request().method() !== "POST") return false;
      seen += 1;
      return seen === n;
    });
  }

  /** Answers the playground's "replace your draft?" question with Replace. */
  async acceptConfirm(): Promise<void> {
    await this.page.getByRole("dialog").getByTestId("confirm-ok").click();
  }
}
