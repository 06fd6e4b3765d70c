import { test as base, expect, type Page } from "@playwright/test";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

export interface Fixtures {
  /** Signs in: the session cookie goes into the page's browser context, and no page is loaded. */
  signIn: (page: Page, email?: string, password?: string) => Promise<void>;
  /** Every response body the page received in this test; checked for the API key when the test ends. */
  responses: string[];
}

/** Chromium reports a blocked script, style, worker, image or frame as a console message. */
const CSP_MESSAGE = /Refused to|Content[ -]Security[ -]Policy/i;
const cspSeen = new WeakMap<Page, string[]>();

function watchCsp(page: Page): string[] {
  const seen: string[] = [];
  cspSeen.set(page, seen);
  page.on("console", (m) => {
    if (CSP_MESSAGE.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/**
 * The CSP violations the test's page logged so far. Every test fails at the end if any are left, so
 * a page that loses a script, style, worker or image to the policy is caught; a test that provokes
 * one on purpose empties this list after checking it.
 */
export function cspViolations(page: Page): string[] {
  const seen = cspSeen.get(page);
  if (!seen) throw new Error("cspViolations() needs the test's own page fixture");
  return seen;
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
    const violations = watchCsp(page);
    await use(page);
    expect(violations, "the page broke its Content-Security-Policy").toEqual([]);
  },
  signIn: async ({ responses: _ }, use) => {
    await use(async (page, email = E2E.admin.email, password = E2E.admin.password) => {
      // The form has its own tests (auth, security-sign-in); elsewhere the session comes from the
      // same route without loading the sign-in page. Nothing is loaded after it either: the
      // session cookie is the context's, and each test opens the page it needs (one page load
      // fewer per test on a CPU-bound suite).
      const res = await page.request.post("/api/auth/sign-in", {
        data: { email, password },
        headers: { origin: E2E.consoleUrl },
      });
      expect(res.ok(), `sign-in as ${email}: ${res.status()} ${await res.text()}`).toBe(true);
    });
  },
});

export { expect };
