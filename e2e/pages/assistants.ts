import { type APIRequestContext, expect, type Locator, type Page, request } from "@playwright/test";
import type {
  AssistantConfig,
  AssistantDetail,
  AssistantExport,
  AssistantVersion,
  SaveVersionInput,
} from "../../lib/assistants/schema";
import { cli } from "../support/cli";
import { E2E } from "../support/env";

/** A small valid config; pass what a test cares about. */
export function assistantConfig(over: Partial<AssistantConfig> = {}): AssistantConfig {
  return {
    name: "Assistant",
    description: "",
    model: "gpt-4o-mini",
    instructions: "You are helpful.",
    variables: [],
    tools: [],
    responseFormat: { type: "text" },
    metadata: [],
    ...over,
  };
}

/**
 * The console's /api/assistants as the signed-in browser (`page.request`, with the origin the CSRF
 * guard wants) or as another user with a personal access token (`AssistantsApi.as`).
 */
export class AssistantsApi {
  private constructor(
    readonly api: APIRequestContext,
    private readonly headers: Record<string, string>,
    private readonly owned: boolean,
  ) {}

  /** The signed-in page's session. */
  static of(page: Page): AssistantsApi {
    return new AssistantsApi(page.request, { origin: E2E.consoleUrl }, false);
  }

  /** A member (created first when `create`) through a personal access token; `dispose()` when done. */
  static async as(email: string, opts: { create?: boolean } = {}): Promise<AssistantsApi> {
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
    const token = cli("token:create", "--email", email, "--name", `assistants-${Date.now()}`);
    const api = await request.newContext({
      baseURL: E2E.consoleUrl,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    return new AssistantsApi(api, {}, true);
  }

  private async ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()) as T;
  }

  async create(config: Partial<AssistantConfig>, extra: Omit<SaveVersionInput, "config"> = {}) {
    const res = await this.api.post("/api/assistants", {
      headers: this.headers,
      data: { config: assistantConfig(config), ...extra },
    });
    return this.ok<AssistantDetail>(res);
  }

  /** A new version from the latest config with `change` applied. */
  async save(id: string, change: Partial<AssistantConfig>, note = "") {
    const current = await this.get(id);
    const res = await this.api.post(`/api/assistants/${id}/versions`, {
      headers: this.headers,
      data: { config: { ...current.version.config, ...change }, note, baseVersion: current.version.version },
    });
    return this.ok<AssistantDetail>(res);
  }

  async patch(id: string, patch: { productionVersion?: number | null; visibility?: "team" | "private" }) {
    const res = await this.api.patch(`/api/assistants/${id}`, { headers: this.headers, data: patch });
    return this.ok<unknown>(res);
  }

  async get(id: string, version?: number) {
    return this.ok<AssistantDetail>(
      await this.api.get(`/api/assistants/${id}${version ? `?version=${version}` : ""}`),
    );
  }

  async version(id: string, n: number) {
    return this.ok<AssistantVersion>(await this.api.get(`/api/assistants/${id}/versions/${n}`));
  }

  async export(id: string) {
    return this.ok<AssistantExport>(await this.api.get(`/api/assistants/${id}/export`));
  }

  async dispose() {
    if (this.owned) await this.api.dispose();
  }
}

/** The list page (/assistants): search, filters, rows and their menus, import. */
export class AssistantsPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/assistants${query}`);
    await expect(this.page.getByRole("heading", { name: "Assistants", level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("assistant-row");
  }

  row(name: string): Locator {
    return this.rows().filter({ hasText: name });
  }

  async search(text: string) {
    await this.page.getByTestId("assistant-search").fill(text);
    // Debounced into the URL: the list follows once the URL holds the words.
    await expect.poll(() => new URL(this.page.url()).searchParams.get("q") ?? "").toBe(text.trim());
  }

  async owner(which: "me" | "all") {
    await this.page.getByTestId("assistant-owner").selectOption(which);
  }

  async toggleDeleted() {
    await this.page.getByTestId("assistant-deleted-toggle").click();
  }

  /** Opens a row's ⋯ menu and picks an item ("Open", "Chat", "Duplicate", "Export", "Delete"). */
  async menu(name: string, item: string) {
    await this.row(name).getByTestId("assistant-menu").click();
    await this.page.getByRole("menuitem", { name: item }).click();
  }

  /** Imports a file through the dialog and returns its result panel. */
  async importFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
    await this.page.getByTestId("assistant-import").click();
    await this.page.getByTestId("assistant-import-file").setInputFiles(file);
    const result = this.page.getByTestId("assistant-import-result");
    await expect(result).toBeVisible();
    return result;
  }
}

/** The versions page (/assistants/{id}/versions). */
export class VersionsPage {
  constructor(readonly page: Page) {}

  async goto(id: string, pair?: { a: number; b: number }) {
    await this.page.goto(`/assistants/${id}/versions${pair ? `?a=${pair.a}&b=${pair.b}` : ""}`);
    await expect(this.page.getByTestId("versions")).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("version-row");
  }

  row(n: number): Locator {
    return this.page.locator(`[data-testid="version-row"][data-version="${n}"]`);
  }

  diff(): Locator {
    return this.page.getByTestId("version-diff");
  }

  async action(n: number, name: string) {
    await this.row(n).getByRole("button", { name, exact: true }).click();
  }

  async confirm() {
    await this.page.getByTestId("confirm-ok").click();
  }
}

/** The builder (/assistants/new and the Build tab): fields by their labels, tools by type, save. */
export class BuilderPage {
  constructor(readonly page: Page) {}

  async gotoNew() {
    await this.page.goto("/assistants/new");
    await expect(this.page.getByTestId("assistant-name")).toBeVisible();
  }

  async goto(id: string) {
    await this.page.goto(`/assistants/${id}`);
    await expect(this.page.getByTestId("assistant-name")).toBeVisible();
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole("region", { name });
  }

  /** Types a model id and closes the suggestions. */
  async model(id: string) {
    const input = this.page.getByTestId("assistant-model");
    await input.fill(id);
    await input.press("Escape");
  }

  /** Adds a tool through the menu and returns its card (the last of its type). */
  async addTool(item: string, type: string): Promise<Locator> {
    await this.page.getByTestId("assistant-add-tool").click();
    await this.page.getByRole("menuitem", { name: item }).click();
    const card = this.tool(type).last();
    await expect(card).toBeVisible();
    return card;
  }

  tool(type: string): Locator {
    return this.page.locator(`[data-testid="assistant-tool"][data-tool-type="${type}"]`);
  }

  variable(name: string): Locator {
    return this.page.locator(`[data-testid="assistant-variable"][data-name="${name}"]`);
  }

  issues(): Locator {
    return this.page.getByTestId("assistant-issues");
  }

  /** Opens the save dialog, writes the note, saves; returns the dialog (still open on a 409). */
  async save(note = ""): Promise<Locator> {
    await this.page.getByTestId("assistant-save").click();
    const dialog = this.page.getByTestId("assistant-save-dialog");
    if (note) await this.page.getByTestId("assistant-save-note").fill(note);
    await dialog.getByRole("button", { name: /^(Create|Save version)$/ }).click();
    return dialog;
  }

  async expectVersion(n: number) {
    await expect(this.page.getByTestId("assistant-version")).toHaveText(`v${n}`);
  }
}
