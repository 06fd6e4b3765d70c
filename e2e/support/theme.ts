import type { Page } from "@playwright/test";

/**
 * Every page this test loads from now on starts in `theme` (what the theme toggle stores), wherever
 * the page is now: `signIn` leaves it on about:blank, which has no localStorage.
 */
export async function useTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.addInitScript((t) => {
    try {
      localStorage.setItem("benchtop-theme", t);
    } catch {
      // about:blank and sandboxed documents have no storage; the console's pages do.
    }
  }, theme);
}
