import { expect, type Locator, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

export class ComparePage {
  constructor(readonly page: Page) {}

  async goto(ids: string[]): Promise<void> {
    await this.page.goto(`/fine-tuning/compare${ids.length ? `?jobs=${ids.join(",")}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Compare jobs", level: 1 })).toBeVisible();
  }

  chips(): Locator {
    return this.page.getByTestId("ft-compare-chip");
  }

  chart(group: string): Locator {
    return this.page.locator(`[data-testid="ft-compare-chart"][data-group="${group}"]`);
  }

  /** A job's legend entry in a chart; `data-points` is how many points it draws there. */
  legend(group: string, jobId: string): Locator {
    return this.chart(group).locator(`[data-testid="ft-compare-legend"][data-job-id="${jobId}"]`);
  }

  async points(group: string, jobId: string): Promise<number> {
    return Number(await this.legend(group, jobId).getAttribute("data-points"));
  }

  diffRow(label: string): Locator {
    return this.page.locator(`[data-testid="ft-compare-diff-row"][data-label="${label}"]`);
  }

  async remove(jobId: string): Promise<void> {
    await this.page.getByRole("button", { name: `Remove ${jobId}` }).click();
  }

  async add(jobId: string): Promise<void> {
    await this.page.getByTestId("ft-compare-add-select").selectOption(jobId);
    await this.page.getByTestId("ft-compare-add").click();
  }

  /** The ids in the address bar, in order. */
  urlIds(): string[] {
    return (new URL(this.page.url()).searchParams.get("jobs") ?? "").split(",").filter(Boolean);
  }
}

/** Clicks "Export job" and returns the download's name and its entries, unzipped. */
export async function exportJob(page: Page): Promise<{ name: string; entries: Record<string, Uint8Array> }> {
  const downloading = page.waitForEvent("download");
  await page.getByTestId("ft-export-button").click();
  const download = await downloading;
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  return { name: download.suggestedFilename(), entries: unzipSync(new Uint8Array(await readFile(path))) };
}

export const text = (bytes: Uint8Array | undefined): string => strFromU8(bytes ?? new Uint8Array());

/** A job's page: its status badge and its checkpoints. */
export class JobFlowPage {
  constructor(readonly page: Page) {}

  async expectStatus(status: string, timeout = 30_000): Promise<void> {
    await expect(this.page.getByTestId("job-header").getByTestId("job-status")).toHaveAttribute(
      "data-status",
      status,
      { timeout },
    );
  }

  checkpoints(): Locator {
    return this.page.getByTestId("job-checkpoint");
  }
}
