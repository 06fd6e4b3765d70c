import { expect, type Locator, type Page } from "@playwright/test";
import type { AssistantConfig, AssistantDetail } from "../../lib/assistants/schema";
import { E2E } from "../support/env";

/** The signed-in page's session on the console's routes (the CSRF guard wants the origin). */
const headers = { origin: E2E.consoleUrl };

/** A vector store holding one text file, through /api/v1 as the browser would; waits until it is ready. */
export async function storeWithFile(page: Page, name: string, text: string): Promise<string> {
  const file = await page.request.post("/api/v1/files", {
    headers,
    multipart: { purpose: "assistants", file: { name, mimeType: "text/plain", buffer: Buffer.from(text) } },
  });
  expect(file.status(), await file.text()).toBe(200);
  const { id: fileId } = (await file.json()) as { id: string };
  const store = await page.request.post("/api/v1/vector_stores", {
    headers,
    data: { name: `chat ${Date.now()}`, file_ids: [fileId] },
  });
  expect(store.status(), await store.text()).toBe(200);
  const { id } = (await store.json()) as { id: string };
  await expect
    .poll(async () => {
      const r = await page.request.get(`/api/v1/vector_stores/${id}`, { headers });
      return ((await r.json()) as { file_counts?: { completed?: number } }).file_counts?.completed;
    })
    .toBe(1);
  return id;
}

export async function createAssistant(page: Page, config: AssistantConfig): Promise<AssistantDetail> {
  const res = await page.request.post("/api/assistants", { headers, data: { config } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as AssistantDetail;
}

/** The test chat, driven the way a person uses it. */
export class AssistantChatPage {
  constructor(readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/assistants/${id}/chat`);
    await expect(this.input).toBeVisible();
  }

  get input(): Locator {
    return this.page.getByTestId("chat-input");
  }

  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.page.getByTestId("chat-send").click();
  }

  /** The turn's end: no Stop button, the meta line of the last turn shown. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId("chat-stop")).toHaveCount(0, { timeout: 15_000 });
  }

  items(type?: string): Locator {
    const all = this.page.getByTestId("chat-item");
    return type ? all.and(this.page.locator(`[data-item-type="${type}"]`)) : all;
  }

  variable(name: string): Locator {
    return this.page.getByTestId(`chat-variable-${name}`);
  }

  metas(): Locator {
    return this.page.getByTestId("chat-turn-meta");
  }

  conversations(): Locator {
    return this.page.getByTestId("chat-conversation");
  }
}
