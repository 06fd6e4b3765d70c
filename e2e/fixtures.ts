import { test as base, expect, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

export interface Fixtures {
  signIn: (page: Page, email?: string, password?: string) => Promise<void>;
  /** Every response body the page received in this test; checked for the API key when the test ends. */
  responses: string[];
}

export const test = base.extend<Fixtures>({
  responses: async ({ page }, use) => {
    const bodies: string[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (r) => {
      pending.push(
        r
          .body()
          .then((b) => {
            bodies.push(`${r.url()}\n${JSON.stringify(r.headers())}\n${b.toString("utf8")}`);
          })
          .catch(() => {}),
      );
    });
    await use(bodies);
    await Promise.all(pending);
    for (const b of bodies) expect(b, "a response carried the API key").not.toContain(E2E.apiKey);
  },
  page: async ({ page }, use) => {
    await emulator.clearFaults();
    await use(page);
  },
  signIn: async ({ responses: _ }, use) => {
    await use(async (page, email = E2E.admin.email, password = E2E.admin.password) => {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.submit(email, password);
      await expect(page).toHaveURL(/\/playground/);
    });
  },
});

export { expect };
