import { encode } from "fast-png";
import { expect, test } from "./fixtures";
import { ImagesPage } from "./pages/images";
import { emulator } from "./support/emulator";

/** A small opaque PNG made here, so the test owns its bytes. */
function png(width: number, height: number): Buffer {
  const data = new Uint8Array(width * height * 4).fill(200);
  return Buffer.from(encode({ width, height, data, channels: 4 }));
}

const imagePosts = async (path: string) =>
  (await emulator.requests()).filter((r) => r.method === "POST" && r.path === path);

test.describe("image studio", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await emulator.reset();
    await signIn(page);
  });

  test("generates two streamed images: partials as they arrive, usage and cost", async ({ page }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.setOverrides({ "gpt-image-2": { pricing: { input: 5, output: 40 } } });
    await images.goto();
    await images.model("gpt-image-2");
    await images.prompt().fill("a red kite over the sea");
    await images.param("n").fill("2");
    await expect(images.param("stream")).toBeChecked();
    await images.param("partials").selectOption("2");
    await emulator.config({ streamChunkDelayMs: 400 });
    await images.runButton().click();
    await expect(page.getByTestId("image-stop")).toBeVisible();
    await expect(images.results()).toHaveCount(2);
    await expect(images.results().nth(0)).toHaveAttribute("data-status", "done");
    await expect(images.results().nth(1)).toHaveAttribute("data-status", "done");
    // Each tile drew its partials before the final image (counted, since they can pass in a blink).
    await expect(images.results().nth(0)).toHaveAttribute("data-partials", "2");
    await expect(images.results().nth(1)).toHaveAttribute("data-partials", "2");
    // Stream events carry usage but no revised prompt (the API's completed events have none).
    await expect(images.results().nth(0).getByTestId("revised-prompt")).toHaveCount(0);
    await expect(images.results().nth(0).getByTestId("image-cost")).toHaveText(/≈ \$0\.04\d* \(estimate\)/);
    await expect(images.results().nth(0).getByTestId("image-usage")).toContainText("tokens");
    const posts = await imagePosts("/v1/images/generations");
    expect(posts).toHaveLength(2);
    for (const p of posts) {
      expect(p.json).toMatchObject({
        model: "gpt-image-2",
        prompt: "a red kite over the sea",
        stream: true,
        partial_images: 2,
      });
      expect(p.json).not.toHaveProperty("n");
    }
    await emulator.config({ streamChunkDelayMs: 0 });
    await images.setOverrides({});
  });

  test("a run that does not stream shows the revised prompt and usage the response carries", async ({
    page,
  }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.model("gpt-image-2");
    await images.prompt().fill("a red kite");
    await images.param("stream").uncheck();
    await images.runButton().click();
    const tile = images.results().first();
    await expect(tile).toHaveAttribute("data-status", "done");
    await expect(tile.getByTestId("revised-prompt")).toContainText("a red kite");
    await expect(tile.getByTestId("image-usage")).toContainText(/\d+ in · \d+ out tokens/);
    const post = await emulator.lastPost("/v1/images/generations");
    expect(post.json).not.toHaveProperty("stream");
  });

  test("says plainly when moderation refuses the prompt", async ({ page }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.prompt().fill("[[blocked]] something");
    await images.runButton().click();
    await expect(page.getByTestId("image-error")).toHaveAttribute("data-code", "moderation_blocked");
    await expect(page.getByTestId("image-error-title")).toHaveText("Refused by the upstream's moderation");
    await expect(page.getByTestId("image-error")).toContainText("sending it unchanged will be refused again");
  });

  test("the form follows the model's spec; a model nobody knows is sent with defaults and its refusal shown", async ({
    page,
  }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.model("gpt-image-2");
    expect(await images.options("quality")).toEqual(["auto", "low", "medium", "high"]);
    await expect(images.param("complexity")).toHaveCount(0);
    await images.model("gpt-image-2.6-sunburst");
    await expect.poll(() => images.options("quality")).toContain("max");
    await expect(images.param("complexity")).toBeVisible();
    await images.param("format").selectOption("gif");
    await expect(images.param("frames")).toHaveValue("9");
    await expect(images.param("stream")).toBeDisabled();
    await images.model("dall-e-3");
    await expect(images.param("style")).toBeVisible();
    await expect(images.param("background")).toHaveCount(0);
    await expect(page.getByTestId("model-note")).toContainText("shut down");

    await images.model("acme-painter-1");
    await expect(page.getByTestId("model-note")).toContainText("default form");
    await expect(images.param("quality")).toBeVisible();
    await images.prompt().fill("a lighthouse");
    await images.runButton().click();
    // The emulator, like OpenAI, refuses a model it does not serve: the run ends with that error
    // (not a tile left waiting), and what was sent is the default form's request.
    await expect(page.getByTestId("image-error")).toHaveAttribute("data-code", "model_not_found");
    await expect(page.getByTestId("image-error")).toContainText("acme-painter-1");
    await expect(page.getByTestId("image-run-status")).toContainText("0 of 1 image");
    await expect(page.locator('[data-testid="image-result"][data-status="pending"]')).toHaveCount(0);
    const [post] = await imagePosts("/v1/images/generations");
    expect(post?.json).toMatchObject({ model: "acme-painter-1", prompt: "a lighthouse" });
    expect(post?.json).not.toHaveProperty("stream");
    expect(post?.status).toBe(404);
  });

  test("quotes the rule a size, a file or a count breaks, before sending", async ({ page }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.model("gpt-image-2");
    await images.prompt().fill("a tree");
    await images.param("size").selectOption("custom");
    await expect(page.getByTestId("size-rule")).toContainText("multiples of 16");
    await images.param("width").fill("1000");
    await expect(page.getByTestId("size-error")).toHaveText("1000x1024: both sides must be multiples of 16.");
    await expect(images.runButton()).toBeDisabled();
    await images.param("width").fill("1536");
    await expect(images.runButton()).toBeEnabled();

    await images.mode("Edit");
    await expect(page.getByTestId("input-rule")).toHaveText(
      "Up to 16 images: PNG, WEBP or JPEG, under 50 MB each.",
    );
    await images.upload([{ name: "anim.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") }]);
    await expect(page.getByTestId("input-error").filter({ hasText: "anim.gif" })).toContainText(
      "anim.gif is GIF; this model takes PNG, WEBP or JPEG.",
    );
    await images.model("dall-e-2");
    await images.upload([{ name: "wide.png", mimeType: "image/png", buffer: png(32, 16) }]);
    await expect(page.getByTestId("input-error").filter({ hasText: "wide.png" })).toContainText(
      "wide.png is 32x16; this model takes square images only.",
    );
    await expect(images.runButton()).toBeDisabled();
    expect(await imagePosts("/v1/images/edits")).toHaveLength(0);
  });

  test("edits an uploaded image and sends it as multipart", async ({ page }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.model("gpt-image-2");
    await images.mode("Edit");
    await images.upload([{ name: "photo.png", mimeType: "image/png", buffer: png(48, 32) }]);
    await expect(page.getByTestId("edit-input")).toContainText("48x32");
    await expect(page.getByTestId("mask-panel")).toBeVisible();
    await images.prompt().fill("the same photo at dusk");
    await images.param("stream").uncheck();
    await images.runButton().click();
    await expect(images.results().first()).toHaveAttribute("data-status", "done");
    const [post] = await imagePosts("/v1/images/edits");
    expect(post?.headers["content-type"]).toMatch(/^multipart\/form-data/);
  });

  test("the draft survives a reload", async ({ page }) => {
    const images = new ImagesPage(page);
    await images.fresh();
    await images.model("gpt-image-2.5-flare");
    await images.prompt().fill("a quiet harbour at dawn");
    await images.param("n").fill("3");
    await images.param("quality").selectOption("xhigh");
    await images.mode("Edit");
    await page.waitForTimeout(500);
    await page.reload();
    await expect(images.prompt()).toHaveValue("a quiet harbour at dawn");
    await expect(page.getByTestId("image-model")).toHaveValue("gpt-image-2.5-flare");
    await expect(images.param("n")).toHaveValue("3");
    await expect(images.param("quality")).toHaveValue("xhigh");
    await expect(page.getByRole("tab", { name: "Edit" })).toHaveAttribute("aria-selected", "true");
  });

  test("fits a 390 px phone without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const images = new ImagesPage(page);
    await images.fresh();
    await images.prompt().fill("a small boat");
    await images.runButton().click();
    await expect(images.results().first()).toHaveAttribute("data-status", "done");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
