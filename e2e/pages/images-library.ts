import { type APIRequestContext, expect, type Locator, type Page, request } from "@playwright/test";
import { encode } from "fast-png";
import { cli } from "../support/cli";
import { E2E } from "../support/env";

/** A solid-colour PNG of the given size: distinct bytes per colour, so a zip's entries can be told apart. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([rgb[0], rgb[1], rgb[2], 255], i);
  return Buffer.from(encode({ width, height, data, channels: 4, depth: 8 }));
}

export interface SeedMeta {
  role: "input" | "result" | "mask";
  operation: string;
  prompt?: string | null;
  model?: string | null;
  visibility?: "private" | "team";
  parentIds?: string[];
  maskId?: string | null;
  params?: Record<string, unknown>;
  name?: string | null;
  costUsd?: number | null;
}

export interface Seeded {
  id: string;
  bytes: Buffer;
  [k: string]: unknown;
}

/**
 * The library's API as a person with a personal access token uses it (the studio is another part's):
 * stores images with the same multipart route the browser's saveImage uses.
 */
export class LibraryApi {
  private constructor(readonly api: APIRequestContext) {}

  /** A client for `email` (made a member first when `create`), on `baseURL` (the e2e console by default). */
  static async as(email: string, opts: { create?: boolean; baseURL?: string; env?: NodeJS.ProcessEnv } = {}) {
    if (opts.create)
      cli(
        "user:add",
        "--email",
        email,
        "--password",
        "member-password-123",
        "--name",
        email.split("@")[0] ?? "",
      );
    const token = cli("token:create", "--email", email, "--name", `library-${Date.now()}`);
    const api = await request.newContext({
      baseURL: opts.baseURL ?? E2E.consoleUrl,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    return new LibraryApi(api);
  }

  async save(meta: SeedMeta, image: Buffer, thumbnail?: Buffer): Promise<Seeded> {
    const res = await this.api.post("/api/images", {
      multipart: {
        meta: JSON.stringify(meta),
        image: { name: "image.png", mimeType: "image/png", buffer: image },
        ...(thumbnail ? { thumbnail: { name: "thumb.png", mimeType: "image/png", buffer: thumbnail } } : {}),
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { image: saved } = (await res.json()) as { image: Seeded };
    return { ...saved, bytes: image };
  }

  dispose() {
    return this.api.dispose();
  }
}

/** The gallery and an image's page, driven the way a person uses them. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/images/library");
    await expect(this.page.getByRole("heading", { name: "Image library", level: 1 })).toBeVisible();
  }

  tiles(): Locator {
    return this.page.getByTestId("library-tile");
  }

  tile(id: string): Locator {
    return this.page.locator(`[data-testid="library-tile"][data-id="${id}"]`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId("library-search").fill(text);
  }

  async select(id: string): Promise<void> {
    await this.tile(id).getByTestId("library-select").check();
  }

  async open(id: string): Promise<void> {
    await this.tile(id).getByRole("link").click();
    await expect(this.page.getByTestId("image-detail")).toBeVisible();
  }

  async acceptConfirm(): Promise<void> {
    await this.page.getByRole("dialog").getByTestId("confirm-ok").click();
  }
}

/** A new browser context signed in as `email` (a member made with LibraryApi.as(…, { create: true })). */
export async function signedInPage(browser: import("@playwright/test").Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("member-password-123");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/playground/);
  return { context, page };
}
