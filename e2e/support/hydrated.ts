import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated a server-rendered element. Typed into or clicked before that, a
 * field or button does nothing, or its text is lost when React takes the element over (seen in full
 * runs on two busy cores: the playground's model field read "gpt-5-minigpt-4o-mini").
 */
export async function hydrated(el: Locator): Promise<void> {
  await expect(el).toBeAttached();
  await expect
    .poll(() => el.evaluate((n) => Object.keys(n).some((k) => k.startsWith("__reactFiber"))))
    .toBe(true);
}
