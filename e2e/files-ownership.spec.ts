import type { APIRequestContext } from "@playwright/test";
import OpenAI, { toFile } from "openai";
import { expect, test } from "./fixtures";
import { FilesPage } from "./pages/files";
import { SettingsPage } from "./pages/settings";
import { VectorStoresPage } from "./pages/vector-stores";
import { cli } from "./support/cli";
import { E2E } from "./support/env";

/**
 * Files and vector stores belong to whoever created them through Benchtop: a member deletes or
 * changes only their own, admins anything, and a team setting relaxes the rule. The proxy refuses
 * before anything reaches the upstream; the pages say so before anyone tries.
 */
const PASSWORD = "member-password-123";
// One retry: the CLI runs between calls outlast the server's keep-alive, and a pooled connection it
// closed meanwhile fails before the request is sent.
const sdk = (key: string) => new OpenAI({ apiKey: key, baseURL: `${E2E.consoleUrl}/api/v1`, maxRetries: 1 });

function member(tag: string, name: string) {
  const email = `${tag}-${Date.now()}@example.com`;
  cli("user:add", "--email", email, "--password", PASSWORD, "--name", name);
  return { email, client: sdk(cli("token:create", "--email", email, "--name", "script")) };
}

async function setPolicy(request: APIRequestContext, admin: string, policy: string) {
  const res = await request.put("/api/settings/ownership", {
    headers: { authorization: `Bearer ${admin}` },
    data: { policy },
  });
  expect(res.status(), await res.text()).toBe(200);
}

let admin: string;
test.beforeAll(() => {
  admin = cli("token:create", "--email", E2E.admin.email, "--name", "ownership-e2e");
});

test("a member's token cannot delete another member's file or change their store; the owner and admins can", async ({
  request,
}) => {
  const ada = member("ada", "Ada");
  const bob = member("bob", "Bob");
  const file = await ada.client.files.create({
    file: await toFile(Buffer.from("ada's notes"), "ada.txt"),
    purpose: "user_data",
  });
  const denied = await bob.client.files.delete(file.id).catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(OpenAI.PermissionDeniedError);
  const err = denied as InstanceType<typeof OpenAI.APIError>;
  expect(err.status).toBe(403);
  expect(err.code).toBe("not_owner");
  expect(err.type).toBe("permission_error");
  expect(err.message).toContain("Only its owner (Ada) or an admin can delete this file");
  expect((await ada.client.files.retrieve(file.id)).id).toBe(file.id);

  const store = await ada.client.vectorStores.create({ name: "Ada's store", file_ids: [file.id] });
  await expect(bob.client.vectorStores.update(store.id, { name: "Bob's now" })).rejects.toBeInstanceOf(
    OpenAI.PermissionDeniedError,
  );
  await expect(
    bob.client.vectorStores.files.delete(file.id, { vector_store_id: store.id }),
  ).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  await expect(bob.client.vectorStores.delete(store.id)).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  // Reading and searching stay open to the team.
  expect((await bob.client.vectorStores.retrieve(store.id)).name).toBe("Ada's store");
  await bob.client.vectorStores.search(store.id, { query: "notes" });

  expect((await ada.client.vectorStores.update(store.id, { name: "Ada's renamed" })).name).toBe(
    "Ada's renamed",
  );
  expect((await sdk(admin).vectorStores.delete(store.id)).deleted).toBe(true);
  expect((await ada.client.files.delete(file.id)).deleted).toBe(true);

  // With the team's rule relaxed, anyone may delete.
  const other = await ada.client.files.create({
    file: await toFile(Buffer.from("more"), "ada-2.txt"),
    purpose: "user_data",
  });
  await setPolicy(request, admin, "anyone");
  try {
    expect((await bob.client.files.delete(other.id)).deleted).toBe(true);
  } finally {
    await setPolicy(request, admin, "own");
  }
});

test("a file with no owner is for admins only, unless the team lets members change unowned objects", async ({
  request,
}) => {
  const bob = member("bob-unowned", "Bob");
  // Straight into the upstream, as a file made outside Benchtop would be.
  const upstream = new OpenAI({ apiKey: E2E.apiKey, baseURL: `${E2E.emulatorUrl}/v1`, maxRetries: 0 });
  const made = async () =>
    (
      await upstream.files.create({
        file: await toFile(Buffer.from("x"), "outside.txt"),
        purpose: "user_data",
      })
    ).id;
  const first = await made();
  const err = await bob.client.files.delete(first).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
  expect((err as Error).message).toContain("has no owner in Benchtop");
  expect((await sdk(admin).files.delete(first)).deleted).toBe(true);

  const second = await made();
  await setPolicy(request, admin, "own_and_unowned");
  try {
    expect((await bob.client.files.delete(second)).deleted).toBe(true);
  } finally {
    await setPolicy(request, admin, "own");
  }
});

test("the pages show each owner and disable what a member may not do, with the reason", async ({
  page,
  signIn,
}) => {
  const ada = member("ada-ui", "Ada");
  const bob = member("bob-ui", "Bob");
  const name = `ada-ui-${Date.now()}.txt`;
  const file = await ada.client.files.create({
    file: await toFile(Buffer.from("hi"), name),
    purpose: "user_data",
  });
  const storeName = `Ada's UI store ${Date.now()}`;
  await ada.client.vectorStores.create({ name: storeName });

  await signIn(page, bob.email, PASSWORD);
  const files = new FilesPage(page);
  await files.fresh();
  await expect(files.rows(name)).toContainText("Ada");
  const details = await files.open(name);
  await expect(details).toContainText(`Ada (${ada.email})`);
  await expect(page.getByTestId("file-delete")).toBeDisabled();
  await expect(page.getByTestId("file-delete-reason")).toContainText("Only its owner (Ada) or an admin");
  await files.rows(name).getByLabel(`Select ${name}`).check();
  await expect(page.getByTestId("bulk-delete")).toBeDisabled();
  await expect(page.getByTestId("bulk-delete-blocked")).toContainText("1 selected file is not yours");

  const stores = new VectorStoresPage(page);
  await stores.goto();
  await expect(stores.store(storeName).getByTestId("store-owner")).toHaveText("Ada");
  await stores.open(storeName);
  await expect(page.getByTestId("store-owner-line")).toContainText("Ada");
  await expect(page.getByTestId("delete-store")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Rename" })).toBeDisabled();
  await expect(page.getByTestId("add-files")).toBeDisabled();
  await expect(page.getByTestId("store-locked")).toContainText("Only its owner (Ada) or an admin can delete");
  await ada.client.files.delete(file.id);
});

test("an admin sets the team's rule in Settings", async ({ page, request, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("playground");
  const own = page.getByTestId("ownership-own");
  const anyone = page.getByTestId("ownership-anyone");
  await expect(own).toBeChecked();
  // Reload only once the rule is saved: a reload cancels a PUT still in flight (seen on PostgreSQL).
  // A click, not check(): the controlled radio is briefly unchecked between the click and the
  // re-render, which check() takes for a click that did nothing.
  const choose = async (radio: typeof own) => {
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith("/api/settings/ownership") && r.request().method() === "PUT",
      ),
      radio.click(),
    ]);
  };
  try {
    await choose(anyone);
    await page.reload();
    await expect(anyone).toBeChecked();
    await choose(own);
    await page.reload();
    await expect(own).toBeChecked();
  } finally {
    // The rule is the whole team's: a failure here must not leave later specs on "anyone".
    await setPolicy(request, admin, "own");
  }
});
