import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto("/sign-in");
  }

  async submit(email: string, password: string) {
    await this.page.getByTestId("sign-in-email").fill(email);
    await this.page.getByTestId("sign-in-password").fill(password);
    await this.page.getByTestId("sign-in-submit").click();
  }

  error() {
    return this.page.getByTestId("sign-in-error");
  }
}
