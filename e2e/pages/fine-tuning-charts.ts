import fs from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { E2E } from "../support/env";

const ORIGIN = { origin: E2E.consoleUrl };

/** A chat example in the supervised format, varied so files of any length can be made. */
const example = (i: number) =>
  JSON.stringify({
    messages: [
      { role: "user", content: `Question ${i}?` },
      { role: "assistant", content: `Answer ${i}.` },
    ],
  });

/** A job's metric charts on its page, and the API calls that set one up with the session. */
export class FineTuningCharts {
  constructor(readonly page: Page) {}

  async upload(name: string, lines: number): Promise<string> {
    const buffer = Buffer.from(`${Array.from({ length: lines }, (_, i) => example(i)).join("\n")}\n`);
    const res = await this.page.request.post("/api/v1/files", {
      headers: ORIGIN,
      multipart: { purpose: "fine-tune", file: { name, mimeType: "application/jsonl", buffer } },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  }

  /** A supervised job with a validation file (so the validation curves and the hint show). */
  async createJob(trainingLines: number): Promise<string> {
    const training_file = await this.upload("train.jsonl", trainingLines);
    const validation_file = await this.upload("valid.jsonl", 10);
    const res = await this.page.request.post("/api/v1/fine_tuning/jobs", {
      headers: ORIGIN,
      data: { model: "gpt-4.1-mini-2025-04-14", training_file, validation_file, suffix: "charts" },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/fine-tuning/${id}`);
    await expect(this.panel()).toBeVisible({ timeout: 20_000 });
  }

  panel(): Locator {
    return this.page.getByTestId("job-metrics");
  }

  chart(title: string): Locator {
    return this.panel().getByRole("figure", { name: title, exact: true });
  }

  plot(chart: Locator): Locator {
    return chart.getByTestId("chart-plot");
  }

  async points(chart: Locator): Promise<number> {
    return Number(await chart.getAttribute("data-points"));
  }

  /** Moves the mouse to a fraction of the plot's width. */
  async hover(chart: Locator, fraction: number): Promise<void> {
    const box = await chart.locator(".u-over").boundingBox();
    if (!box) throw new Error("the plot area is not on screen");
    await this.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  }

  async drag(chart: Locator, from: number, to: number, shift = false): Promise<void> {
    const box = await chart.locator(".u-over").boundingBox();
    if (!box) throw new Error("the plot area is not on screen");
    const y = box.y + box.height / 2;
    if (shift) await this.page.keyboard.down("Shift");
    await this.page.mouse.move(box.x + box.width * from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 4 });
    await this.page.mouse.move(box.x + box.width * to, y, { steps: 4 });
    await this.page.mouse.up();
    if (shift) await this.page.keyboard.up("Shift");
  }

  /** Clicks a download button of the chart and returns the file's bytes and name. */
  async download(chart: Locator, kind: "csv" | "png"): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      chart.getByTestId(`chart-download-${kind}`).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
  }
}
