import type { Page } from "@playwright/test";
import { E2E } from "./env";

/**
 * Runs `clear` in the console's origin, loading `path` first only when the page is elsewhere
 * (about:blank has no localStorage). Tests sign in first and land on the console, so this saves a
 * page load per test, and the playground's is the heaviest (the suite is CPU-bound on CI).
 */
export async function inConsoleOrigin(page: Page, path: string, clear: () => void): Promise<void> {
  if (!page.url().startsWith(`${E2E.consoleUrl}/`)) await page.goto(path);
  await page.evaluate(clear);
}
