import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulator } from "./support/emulator";

const MB = 1024 * 1024;

async function freshFiles(page: Page) {
  await page.goto("/files");
  await page.evaluate(() => localStorage.removeItem("benchtop.uploads.v1"));
  await page.goto("/files");
  await expect(page.getByRole("heading", { name: "Files", level: 1 })).toBeVisible();
}

function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  return page.getByTestId("upload-input").setInputFiles(files);
}

test("uploads appear in the list with who uploaded them; details, preview, download and delete work", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  await freshFiles(page);
  const name = `notes-${Date.now()}.jsonl`;
  await page.getByTestId("upload-purpose").selectOption("user_data");
  await upload(page, [
    { name, mimeType: "application/jsonl", buffer: Buffer.from('{"a":1}\n{"b":2}\nnot json\n') },
  ]);
  await expect(page.locator(`[data-testid="upload"][data-name="${name}"]`)).toHaveAttribute(
    "data-status",
    "done",
  );
  const row = page.getByTestId("file-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Admin");
  await row.getByRole("button", { name }).click();
  const details = page.getByTestId("file-details");
  await expect(details).toContainText("user_data");
  await expect(details.locator('[data-valid="false"]')).toContainText("not json");
  const href = await page.getByTestId("file-download").getAttribute("href");
  const body = await page.request.get(href ?? "");
  expect(await body.text()).toContain('{"b":2}');

  await page.getByTestId("file-delete").click();
  await expect(page.getByTestId("delete-warning")).toContainText("removes it from every vector store");
  await page.getByTestId("confirm-delete").click();
  await expect(row).toHaveCount(0);
});

test("a CSV preview keeps quoted commas, quotes and line breaks in their cells", async ({ page, signIn }) => {
  await signIn(page);
  await freshFiles(page);
  const name = `people-${Date.now()}.csv`;
  await page.getByTestId("upload-purpose").selectOption("user_data");
  const csv = 'name,quote\n"Smith, Jo","said ""hi""\nand left"\nAda,plain\n';
  await upload(page, [{ name, mimeType: "text/csv", buffer: Buffer.from(csv) }]);
  const row = page.getByTestId("file-row").filter({ hasText: name });
  await row.getByRole("button", { name }).click();
  const table = page.getByTestId("file-preview").getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Smith, Jo",
    'said "hi"\nand left',
  ]);
  await expect(table.getByRole("row").nth(2).getByRole("cell")).toHaveText(["Ada", "plain"]);
});

test("bad input is refused before sending, with the reason", async ({ page, signIn }) => {
  await signIn(page);
  await freshFiles(page);
  const before = (await emulator.requests()).length;
  await page.getByTestId("upload-purpose").selectOption("fine-tune");
  await upload(page, [{ name: "train.txt", mimeType: "text/plain", buffer: Buffer.from("hello") }]);
  await expect(page.getByTestId("upload-error").first()).toContainText(
    "must be JSON Lines with a .jsonl extension",
  );
  await page.getByTestId("upload-purpose").selectOption("user_data");
  await upload(page, [
    { name: "big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(5 * MB, 1) },
  ]);
  await expect(page.getByTestId("upload-error").first()).toContainText("must fit one request");
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
  await freshFiles(page);
  const name = `corpus-${Date.now()}.txt`;
  await emulator.fault({ path: "/v1/uploads/", method: "POST", kind: "status", status: 500, times: 1 });
  await page.getByTestId("upload-purpose").selectOption("assistants");
  await upload(page, [{ name, mimeType: "text/plain", buffer: Buffer.alloc(10 * MB + 123, 97) }]);
  await expect(page.locator(`[data-testid="upload"][data-name="${name}"]`)).toHaveAttribute(
    "data-status",
    "done",
    { timeout: 30_000 },
  );
  const calls = (await emulator.requests()).filter((r) => r.path.startsWith("/v1/uploads"));
  const parts = calls.filter((r) => r.path.endsWith("/parts"));
  expect(parts.filter((r) => r.status === 500)).toHaveLength(1);
  expect(parts.filter((r) => r.status === 200)).toHaveLength(3);
  const complete = calls.find((r) => r.path.endsWith("/complete"));
  expect((complete?.json as { part_ids: string[] } | undefined)?.part_ids).toHaveLength(3);
  await expect(page.getByTestId("file-row").filter({ hasText: name })).toContainText("10 MB");
});

test("a multi-part upload can be cancelled, and one cut by a reload resumes with the missing parts", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  await freshFiles(page);
  const buffer = Buffer.alloc(14 * MB, 98);
  await page.getByTestId("upload-purpose").selectOption("assistants");

  await emulator.fault({
    path: "/v1/uploads/",
    method: "POST",
    kind: "slow_first_byte",
    delayMs: 4000,
    times: 10,
  });
  await upload(page, [{ name: "cancel-me.txt", mimeType: "text/plain", buffer }]);
  const cancelled = page.locator('[data-testid="upload"][data-name="cancel-me.txt"]');
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
  await upload(page, [{ name, mimeType: "text/plain", buffer }]);
  const entry = page.locator(`[data-testid="upload"][data-name="${name}"]`);
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
  await freshFiles(page);
  const stamp = Date.now();
  await page.getByTestId("upload-purpose").selectOption("user_data");
  await upload(
    page,
    [1, 2, 3].map((i) => ({
      name: `bulk-${stamp}-${i}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`file ${i}`),
    })),
  );
  const rows = page.getByTestId("file-row").filter({ hasText: `bulk-${stamp}` });
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Search files by name").fill(`bulk-${stamp}`);
  await page.getByLabel("Select all loaded files").check();
  await page.getByTestId("bulk-delete").click();
  await page.getByTestId("confirm-delete").click();
  await expect(page.getByTestId("files-empty")).toContainText("No files match");
});
