import type { Locator, Page } from "@playwright/test";

export class SettingsPage {
  constructor(private readonly page: Page) {}

  goto(tab: "connection" | "playground" | "tokens" | "users" | "appearance" = "connection") {
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

  /** Settings → Users → a user's "Tokens & links" dialog. */
  async openUserAccess(email: string) {
    await this.userRow(email).getByTestId("user-open-access").click();
    const dialog = this.page.getByTestId("user-access");
    await dialog.waitFor();
    return {
      dialog,
      tokenRow: (name: string) => dialog.getByTestId("user-token-row").filter({ hasText: name }),
      shareRow: (title: string) => dialog.getByTestId("user-share-row").filter({ hasText: title }),
      close: () => dialog.getByTestId("user-access-close").click(),
    };
  }

  /** Revokes through a button that asks first, and says yes. */
  async confirmClick(button: Locator) {
    await button.click();
    await this.page.getByTestId("confirm-ok").click();
  }

  /** Opens the disable confirmation; returns its summary so a test can read what it will revoke. */
  async startDisable(email: string) {
    await this.userRow(email).getByTestId("user-disable").click();
    return this.page.getByTestId("user-disable-dialog");
  }

  async disableUser(email: string) {
    const dialog = await this.startDisable(email);
    await dialog.getByTestId("user-disable-confirm").click();
    await dialog.waitFor({ state: "detached" });
  }
}
