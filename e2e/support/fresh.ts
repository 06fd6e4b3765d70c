import type { Page } from "@playwright/test";
import { E2E } from "./env";

/**
 * Runs `clear` in the console's origin. A page that has loaded nothing yet (about:blank, as after
 * `signIn`) is in a new browser context whose storage is empty: there is nothing to clear, and the
 * caller's own navigation is the only page load (the suite is CPU-bound on CI, and the playground's
 * load is the heaviest). A page elsewhere loads `path` first.
 */
export async function inConsoleOrigin(page: Page, path: string, clear: () => void): Promise<void> {
  if (page.url() === "about:blank" && page.context().pages().length === 1) return;
  if (!page.url().startsWith(`${E2E.consoleUrl}/`)) await page.goto(path);
  await page.evaluate(clear);
}
