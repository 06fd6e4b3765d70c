import { expect, type Locator, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { E2E } from "../support/env";

const ORIGIN = { origin: E2E.consoleUrl };

/** A chat training file of `n` examples (the emulator counts lines as examples). */
export function chatJsonl(n: number, tag = "x"): Buffer {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `Question ${tag} ${i}?` },
        { role: "assistant", content: `Answer ${tag} ${i}.` },
      ],
    }),
  );
  return Buffer.from(`${lines.join("\n")}\n`);
}

export interface ApiJob {
  id: string;
  status: string;
  result_files: string[];
  fine_tuned_model: string | null;
}

/**
 * Fine-tuning through the console's proxy with the signed-in page's session: the setup the compare
 * and export tests need (the create page is exercised by e2e/fine-tuning-flow.spec.ts).
 */
export class FineTuningApi {
  constructor(readonly page: Page) {}

  async upload(name: string, body: Buffer): Promise<string> {
    const res = await this.page.request.post("/api/v1/files", {
      headers: ORIGIN,
      multipart: { purpose: "fine-tune", file: { name, mimeType: "application/jsonl", buffer: body } },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  }

  async create(body: Record<string, unknown>): Promise<ApiJob> {
    const res = await this.page.request.post("/api/v1/fine_tuning/jobs", { headers: ORIGIN, data: body });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as ApiJob;
  }

  async get(id: string): Promise<ApiJob> {
    const res = await this.page.request.get(`/api/v1/fine_tuning/jobs/${id}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as ApiJob;
  }

  /** Waits for the job to reach `status` (the emulator moves jobs every fineTuningStepMs). */
  async until(id: string, status: string, timeout = 60_000): Promise<ApiJob> {
    let last: ApiJob | null = null;
    await expect
      .poll(
        async () => {
          last = await this.get(id);
          return last.status;
        },
        { timeout, intervals: [250, 500, 1000] },
      )
      .toBe(status);
    return last as unknown as ApiJob;
  }
}

/** The compare page: picker chips, one chart per metric group with a legend per job, the settings diff. */
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

/** The emulator's time per training step: slow enough that a page sees a run grow. */
export async function stepMs(ms: number): Promise<void> {
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fineTuningStepMs: ms }),
  });
  expect(res.ok).toBe(true);
}

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
