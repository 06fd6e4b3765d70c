import { expect, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import { hydrated } from "../support/hydrated";

/** One table row as the page shows it: bucket, key and the raw figures behind each cell. */
export interface ShownRow {
  bucket: string;
  key: string;
  figures: Record<string, number>;
}

/** The Usage page: its controls, chart, table and CSV download. */
export class UsagePage {
  constructor(readonly page: Page) {}

  async open(search = ""): Promise<void> {
    await this.page.goto(`/usage${search ? `?${search}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
    const range = this.control("range");
    // A choice made before React hydrates the controls never reaches the URL.
    await hydrated(range);
  }

  control(name: "range" | "bucket" | "group" | "metric" | "user" | "from" | "to"): Locator {
    return this.page.getByTestId(`usage-${name}`);
  }

  async choose(name: "range" | "bucket" | "group" | "metric" | "user", value: string): Promise<void> {
    await this.control(name).selectOption(value);
  }

  chart(): Locator {
    return this.page.getByTestId("usage-chart");
  }

  /** Waits for the chart to be drawn (uPlot loaded, canvas in place). */
  async chartDrawn(): Promise<void> {
    await expect(this.page.getByTestId("usage-chart-plot").locator("canvas")).toBeVisible({
      timeout: 20_000,
    });
  }

  chartKeys(): Promise<string[]> {
    return this.page
      .getByTestId("usage-chart-key")
      .evaluateAll((ns) => ns.map((n) => n.querySelector("[title]")?.getAttribute("title") ?? ""));
  }

  async chartBuckets(): Promise<number> {
    return Number(await this.chart().getAttribute("data-buckets"));
  }

  rows(): Locator {
    return this.page.getByTestId("usage-row");
  }

  /** Waits until the report for the current URL has arrived (not the previous one kept on screen). */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId("usage-report")).toHaveAttribute("aria-busy", "false", {
      timeout: 20_000,
    });
  }

  async perBucket(): Promise<void> {
    const tab = this.page.getByRole("tab", { name: /^Per (hour|day)$/ });
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    await this.settled();
    // The view changes in a transition after the click: wait for the rows it draws.
    await expect(this.rows().first()).toHaveAttribute("data-bucket", /^\d{4}-/);
  }

  async shownRows(): Promise<ShownRow[]> {
    return this.rows().evaluateAll((trs) =>
      trs.map((tr) => {
        const figures: Record<string, number> = {};
        for (const td of tr.querySelectorAll<HTMLElement>("td[data-col]"))
          figures[td.dataset.col ?? ""] = Number(td.dataset.value);
        return {
          bucket: tr.getAttribute("data-bucket") ?? "",
          key: tr.getAttribute("data-key") ?? "",
          figures,
        };
      }),
    );
  }

  /** Clicks "Download CSV" and parses the file the server sent. */
  async downloadCsv(): Promise<Record<string, string>[]> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByTestId("usage-csv").click(),
    ]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(path, "utf8");
    return Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true }).data;
  }

  total(id: "cost" | "requests" | "tokens" | "errors"): Locator {
    return this.page.getByTestId(`usage-total-${id}`);
  }
}
