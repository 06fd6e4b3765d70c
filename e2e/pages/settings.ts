import type { Page } from "@playwright/test";

export class SettingsPage {
  constructor(private readonly page: Page) {}

  goto(tab: "connection" | "tokens" | "users" | "appearance" = "connection") {
    return this.page.goto(`/settings?tab=${tab}`);
  }

  async checkConnection() {
    await this.page.getByTestId("connection-check").click();
    return this.page.getByTestId("connection-result");
  }

  async createToken(name: string): Promise<string> {
    await this.page.getByTestId("token-name").fill(name);
    await this.page.getByTestId("token-create").click();
    const secret = this.page.getByTestId("token-secret");
    await secret.waitFor();
    const text = (await secret.textContent()) ?? (await secret.inputValue());
    const m = /bt_pat_[A-Za-z0-9_-]{43}/.exec(text);
    if (!m) throw new Error(`no token shown: ${text}`);
    return m[0];
  }

  tokenRow(name: string) {
    return this.page.getByTestId("token-row").filter({ hasText: name });
  }

  userRow(email: string) {
    return this.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  }
}
