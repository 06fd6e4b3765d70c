import { expect, test } from "./fixtures";
import { FilesPage } from "./pages/files";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

const MB = 1024 * 1024;

test("uploads appear in the list with who uploaded them; details, preview, download and delete work", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const name = `notes-${Date.now()}.jsonl`;
  await files.purpose("user_data");
  await files.upload([
    { name, mimeType: "application/jsonl", buffer: Buffer.from('{"a":1}\n{"b":2}\nnot json\n') },
  ]);
  await files.uploaded(name);
  const row = files.rows(name);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Admin");
  const details = await files.open(name);
  await expect(details).toContainText("user_data");
  await expect(details.locator('[data-valid="false"]')).toContainText("not json");
  const href = await page.getByTestId("file-download").getAttribute("href");
  const body = await page.request.get(href ?? "");
  expect(await body.text()).toContain('{"b":2}');

  await files.delete();
  await expect(row).toHaveCount(0);
});

test("a CSV preview keeps quoted commas, quotes and line breaks in their cells", async ({ page, signIn }) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const name = `people-${Date.now()}.csv`;
  await files.purpose("user_data");
  const csv = 'name,quote\n"Smith, Jo","said ""hi""\nand left"\nAda,plain\n';
  await files.upload([{ name, mimeType: "text/csv", buffer: Buffer.from(csv) }]);
  await files.open(name);
  const table = files.preview().getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Smith, Jo",
    'said "hi"\nand left',
  ]);
  await expect(table.getByRole("row").nth(2).getByRole("cell")).toHaveText(["Ada", "plain"]);
});

test("bad input is refused before sending, with the reason", async ({ page, signIn }) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const before = (await emulator.requests()).length;
  await files.purpose("fine-tune");
  await files.upload([{ name: "train.txt", mimeType: "text/plain", buffer: Buffer.from("hello") }]);
  await expect(files.uploadError()).toContainText("must be JSON Lines with a .jsonl extension");
  expect(
    (await emulator.requests())
      .slice(before)
      // Uploads only: the page may refresh its list (a GET) meanwhile.
      .filter(
        (r) => r.method === "POST" && (r.path.startsWith("/v1/files") || r.path.startsWith("/v1/uploads")),
      ),
  ).toHaveLength(0);
});

test("a large file goes up in parts, a failed part is retried, and the parts complete in order", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const name = `corpus-${Date.now()}.txt`;
  await emulator.fault({ path: "/v1/uploads/", method: "POST", kind: "status", status: 500, times: 1 });
  await files.purpose("assistants");
  await files.upload([{ name, mimeType: "text/plain", buffer: Buffer.alloc(10 * MB + 123, 97) }]);
  await files.uploaded(name, 30_000);
  const calls = (await emulator.requests()).filter((r) => r.path.startsWith("/v1/uploads"));
  const parts = calls.filter((r) => r.path.endsWith("/parts"));
  expect(parts.filter((r) => r.status === 500)).toHaveLength(1);
  expect(parts.filter((r) => r.status === 200)).toHaveLength(3);
  const complete = calls.find((r) => r.path.endsWith("/complete"));
  expect((complete?.json as { part_ids: string[] } | undefined)?.part_ids).toHaveLength(3);
  await expect(files.rows(name)).toContainText("10 MB");
});

test("a multi-part upload can be cancelled, and one cut by a reload resumes with the missing parts", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const buffer = Buffer.alloc(14 * MB, 98);
  await files.purpose("assistants");

  await emulator.fault({
    path: "/v1/uploads/",
    method: "POST",
    kind: "slow_first_byte",
    delayMs: 4000,
    times: 10,
  });
  await files.upload([{ name: "cancel-me.txt", mimeType: "text/plain", buffer }]);
  const cancelled = files.uploadEntry("cancel-me.txt");
  await expect(cancelled).toHaveAttribute("data-status", "uploading");
  await page.waitForTimeout(500);
  await cancelled.getByTestId("upload-cancel").click();
  await expect(cancelled).toHaveAttribute("data-status", "cancelled");
  await expect
    .poll(async () => (await emulator.requests()).some((r) => r.path.endsWith("/cancel")))
    .toBe(true);
  await emulator.clearFaults();

  // Of four parts sent three at a time, the first two hang until the page is reloaded.
  await emulator.fault({ path: "/v1/uploads/", method: "POST", kind: "hang", times: 2 });
  const name = `resume-${Date.now()}.txt`;
  await files.upload([{ name, mimeType: "text/plain", buffer }]);
  const entry = files.uploadEntry(name);
  await expect(entry).toHaveAttribute("data-status", "uploading");
  await expect(entry).toContainText("2 parts sent", { timeout: 20_000 });
  await emulator.clearFaults();
  await page.reload();
  await expect(entry).toHaveAttribute("data-status", "paused");
  const uploadsBefore = (await emulator.requests()).filter((r) => r.path === "/v1/uploads").length;
  await entry.getByTestId("upload-resume-input").setInputFiles({ name, mimeType: "text/plain", buffer });
  await expect(entry).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  // The same upstream Upload was continued, not a new one started.
  expect((await emulator.requests()).filter((r) => r.path === "/v1/uploads").length).toBe(uploadsBefore);
});

test("bulk select and delete", async ({ page, signIn }) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const stamp = Date.now();
  await files.purpose("user_data");
  await files.upload(
    [1, 2, 3].map((i) => ({
      name: `bulk-${stamp}-${i}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`file ${i}`),
    })),
  );
  await expect(files.rows(`bulk-${stamp}`)).toHaveCount(3);
  await files.search(`bulk-${stamp}`);
  await files.selectAllLoaded();
  await files.delete({ bulk: true });
  await expect(files.empty()).toContainText("No files match");
});

test("a long list keeps only the rows in view in the page, pages in by 500 on scroll, and works by keyboard", async ({
  page,
  signIn,
}) => {
  // 600 files straight into the upstream, under a purpose no other test uses.
  const stamp = Date.now();
  for (let i = 0; i < 600; i += 50)
    await Promise.all(
      Array.from({ length: 50 }, async (_, k) => {
        const form = new FormData();
        form.append("purpose", "evals");
        form.append(
          "file",
          new Blob([`row ${i + k}`]),
          `long-${stamp}-${String(i + k).padStart(3, "0")}.txt`,
        );
        const res = await fetch(`${E2E.emulatorUrl}/v1/files`, {
          method: "POST",
          headers: { authorization: `Bearer ${E2E.apiKey}` },
          body: form,
        });
        expect(res.ok).toBe(true);
      }),
    );
  await signIn(page);
  const files = new FilesPage(page);
  await files.goto();
  await files.filter("evals");
  await expect(page.getByText("500 loaded (more on scroll)")).toBeVisible();
  const rows = page.getByTestId("file-row");
  expect(await rows.count()).toBeLessThan(60);
  await files.scrollTable("bottom");
  await expect(page.getByText("600 loaded")).toBeVisible();

  await files.sort("Name A–Z");
  await files.scrollTable("top");
  await expect(rows.first()).toContainText(`long-${stamp}-000`);
  await files.scrollTable("bottom");
  await expect(rows.last()).toContainText(`long-${stamp}-599`);
  await expect(rows.last()).toHaveAttribute("aria-rowindex", "601");
  expect(await rows.count()).toBeLessThan(60);

  // Back at the top, a row's checkbox and name are reachable and work by keyboard.
  await files.scrollTable("top");
  await page.getByLabel(`Select long-${stamp}-000.txt`).focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("bulk-delete")).toHaveText("Delete 1 selected");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `long-${stamp}-000.txt` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(files.details()).toContainText(`long-${stamp}-000.txt`);
});

test("a user_data file over 4 MiB goes up in one request where the host has no body limit", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const name = `scan-${Date.now()}.pdf`;
  await files.purpose("user_data");
  await files.upload([{ name, mimeType: "application/pdf", buffer: Buffer.alloc(6 * MB, 37) }]);
  await files.uploaded(name, 30_000);
  // The emulator keeps the last 200 requests: find this upload by its size and name, not by position.
  const log = await emulator.requests();
  expect(log.some((r) => r.method === "POST" && r.path === "/v1/files" && r.bodyBytes > 6 * MB)).toBe(true);
  expect(
    log.filter((r) => r.path === "/v1/uploads" && (r.json as { filename?: string })?.filename === name),
  ).toEqual([]);
  await expect(files.rows(name)).toContainText("6.0 MB");
});

test("at 390 px the name column shows; a click anywhere on a row opens it, the checkbox only selects", async ({
  page,
  signIn,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const name = `phone-${Date.now()}.txt`;
  await files.purpose("user_data");
  await files.upload([{ name, mimeType: "text/plain", buffer: Buffer.from("hello from a phone") }]);
  const row = files.rows(name);
  const open = row.getByTestId("file-open");
  await expect(open).toBeVisible();
  expect((await open.boundingBox())?.width ?? 0).toBeGreaterThan(100);
  // The table fits the screen: nothing to scroll sideways to.
  const table = page.getByTestId("file-table");
  expect(await table.evaluate((t) => t.scrollWidth <= t.clientWidth)).toBe(true);

  await row.getByLabel(`Select ${name}`).check();
  await expect(files.details()).toHaveCount(0);
  await expect(page.getByTestId("bulk-delete")).toHaveText("Delete 1 selected");

  // The size cell is not a control; a click on it lands on the name's button, stretched over the row.
  await row.getByRole("cell").nth(2).click({ force: true });
  await expect(files.details()).toContainText(name);
  await expect(files.preview()).toContainText("hello from a phone");
});

test("a PDF says why it has no preview and what to do instead", async ({ page, signIn }) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  const name = `invoice-${Date.now()}.pdf`;
  await files.purpose("user_data");
  await files.upload([{ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") }]);
  const details = await files.open(name);
  await expect(details.getByTestId("file-no-preview")).toContainText("No preview for PDF files");
  await expect(details.getByTestId("file-no-preview")).toContainText("Download");
  await expect(files.preview()).toHaveCount(0);
});

test("purpose and expiry have visible labels", async ({ page, signIn }) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.goto();
  for (const [label, testId] of [
    ["Purpose", "upload-purpose"],
    ["Expiry", "upload-expiry"],
  ] as const) {
    await expect(page.locator("label", { hasText: new RegExp(`^${label}$`) })).toBeVisible();
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("data-testid", testId);
  }
});

test("parts are counted in words, and a cancelled upload keeps a grey bar where it stopped", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const files = new FilesPage(page);
  await files.fresh();
  // Three parts sent at once; two hang, so exactly one lands.
  await emulator.fault({ path: "/v1/uploads/", method: "POST", kind: "hang", times: 2 });
  const name = `one-part-${Date.now()}.txt`;
  await files.purpose("assistants");
  await files.upload([{ name, mimeType: "text/plain", buffer: Buffer.alloc(9 * MB, 99) }]);
  const entry = files.uploadEntry(name);
  await expect(entry).toContainText("· 1 part sent", { timeout: 20_000 });
  await entry.getByTestId("upload-cancel").click();
  await expect(entry).toHaveAttribute("data-status", "cancelled");
  // The one part that landed (4 MB, or the last 1 MB, whichever the emulator answered), not the
  // bytes that were still in flight.
  await expect(entry.getByRole("progressbar")).toHaveAttribute("aria-valuetext", /^cancelled at (44|11)%$/);
  await expect(entry).toContainText(/Cancelled after (4\.0|1\.0) MB of 9\.0 MB had arrived/);
  const colours = await entry.getByTestId("upload-fill").evaluate((fill) => {
    const probe = (cls: string) => {
      const el = document.createElement("div");
      el.className = cls;
      document.body.append(el);
      const c = getComputedStyle(el).backgroundColor;
      el.remove();
      return c;
    };
    return {
      fill: getComputedStyle(fill).backgroundColor,
      accent: probe("bg-accent"),
      done: probe("bg-success"),
    };
  });
  expect(colours.fill).not.toBe(colours.accent);
  expect(colours.fill).not.toBe(colours.done);
  await emulator.clearFaults();
});
