import { expect, type Locator, type Page } from "@playwright/test";
import { emulator } from "../support/emulator";
import { E2E } from "../support/env";

/** The signed-in page's session on the console's routes (the CSRF guard wants the origin). */
const headers = { origin: E2E.consoleUrl };

export type JobInfo = {
  id: string;
  status: string;
  fine_tuned_model: string | null;
  result_files: string[];
};

/**
 * A chat-format training file of `n` examples (the emulator counts lines as examples); `broken`
 * puts a non-JSON line at line 3; `tag` makes files with the same `n` differ.
 */
export function trainingJsonl(n: number, broken = false, tag = ""): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        messages: [
          { role: "user", content: `${tag}What is ${i} + 1?` },
          { role: "assistant", content: String(i + 1) },
        ],
      }),
    );
  }
  if (broken) lines[2] = "this is not json";
  return `${lines.join("\n")}\n`;
}

/** Fine-tuning through /api/v1 with the page's session, as the browser would; emulator speed settings. */
export class FineTuningApi {
  constructor(private readonly page: Page) {}

  /** Steps of the emulator's fine-tuning clock (ms per step); every job created after uses it. */
  stepMs(ms: number): Promise<unknown> {
    return emulator.config({ fineTuningStepMs: ms });
  }

  async upload(text: string, name = `train-${Date.now()}.jsonl`): Promise<string> {
    const res = await this.page.request.post("/api/v1/files", {
      headers,
      multipart: {
        purpose: "fine-tune",
        file: { name, mimeType: "application/jsonl", buffer: Buffer.from(text) },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  }

  async create(body: Record<string, unknown>): Promise<JobInfo> {
    const res = await this.page.request.post("/api/v1/fine_tuning/jobs", {
      headers,
      data: { model: "gpt-4.1-mini-2025-04-14", ...body },
    });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as JobInfo;
  }

  async get(id: string): Promise<JobInfo> {
    const res = await this.page.request.get(`/api/v1/fine_tuning/jobs/${id}`, { headers });
    return (await res.json()) as JobInfo;
  }

  /** Waits on the API (not the page) until the job reaches `status`. */
  async until(id: string, status: string, timeout = 60_000): Promise<JobInfo> {
    await expect
      .poll(async () => (await this.get(id)).status, { timeout, intervals: [250, 500, 1000] })
      .toBe(status);
    return this.get(id);
  }
}

export class JobsPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/fine-tuning${query}`);
    await expect(this.page.getByTestId("ft-jobs")).toBeVisible();
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="job-row"][data-job-id="${id}"]`);
  }

  rows(): Locator {
    return this.page.getByTestId("job-row");
  }

  async filterStatus(status: string): Promise<void> {
    await this.page.getByTestId("job-filter-status").selectOption(status);
  }

  async filterMethod(method: string): Promise<void> {
    await this.page.getByTestId("job-filter-method").selectOption(method);
  }

  async select(id: string): Promise<void> {
    await this.row(id).getByTestId("job-select").check();
  }
}

export class JobPage {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/fine-tuning/${id}`);
    await expect(this.page.getByTestId("job-id")).toHaveText(id);
  }

  status(): Locator {
    return this.page.getByTestId("job-header").getByTestId("job-status");
  }

  async expectStatus(status: string, timeout = 30_000): Promise<void> {
    await expect(this.status()).toHaveAttribute("data-status", status, { timeout });
  }

  action(name: "cancel" | "pause" | "resume"): Locator {
    return this.page.getByTestId(`job-${name}`);
  }

  async confirm(label: string): Promise<void> {
    await this.page.getByRole("dialog").getByRole("button", { name: label }).click();
  }

  timeline(): Locator {
    return this.page.getByTestId("job-timeline-step");
  }

  events(): Locator {
    return this.page.getByTestId("job-event");
  }

  checkpoints(): Locator {
    return this.page.getByTestId("job-checkpoint");
  }

  error(): Locator {
    return this.page.getByTestId("job-error");
  }
}
