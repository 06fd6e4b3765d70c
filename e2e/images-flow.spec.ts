import { decode } from "fast-png";
import type { StoredImage } from "../lib/images/schema";
import { expect, test } from "./fixtures";
import { ImagesPage } from "./pages/images";
import { MaskEditorPage, testPng } from "./pages/images-mask";
import { emulator } from "./support/emulator";

/** The studio's parts working together: mask → edit → composite → library → edit again. */

const W = 320;
const H = 200;

type Pt = [number, number];

/** Where a pixel centre is against a rectangle with corners `a` and `b` (±1 px is the edge). */
function againstRect(a: Pt, b: Pt, x: number, y: number): "in" | "out" | "edge" {
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  const [cx, cy] = [x + 0.5, y + 0.5];
  if (cx > x0 + 1 && cx < x1 - 1 && cy > y0 + 1 && cy < y1 - 1) return "in";
  if (cx < x0 - 1 || cx > x1 + 1 || cy < y0 - 1 || cy > y1 + 1) return "out";
  return "edge";
}

test.describe("image studio flows", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await emulator.reset();
    await signIn(page);
    const images = new ImagesPage(page);
    await images.fresh();
  });

  test("keep outside the mask: the saved composite keeps every outside pixel; the compare slider shows", async ({
    page,
  }) => {
    const editor = new MaskEditorPage(page);
    const input = testPng(W, H);
    await editor.open(input);
    await editor.tool("rect");
    await editor.drag([
      [0.25, 0.3],
      [0.6, 0.75],
    ]);
    const r0 = await editor.imagePoint(0.25, 0.3, W, H);
    const r1 = await editor.imagePoint(0.6, 0.75, W, H);
    await expect(page.getByTestId("keep-outside")).toBeChecked();
    await page.getByTestId("image-prompt").fill("a blue window in the wall");
    await page.getByTestId("image-run").click();
    const tile = page.getByTestId("image-result").first();
    await expect(tile).toHaveAttribute("data-status", "done");
    await expect(tile.getByTestId("before-after")).toBeVisible();
    await expect(tile.getByTestId("before-after-handle")).toBeVisible();

    // The composite as the library keeps it, decoded from its bytes.
    let composite: StoredImage | undefined;
    await expect
      .poll(async () => {
        const list = (await (await page.request.get("/api/images?role=result")).json()) as {
          data: StoredImage[];
        };
        composite = list.data.find((i) => i.operation === "composite");
        return composite?.id ?? null;
      })
      .not.toBeNull();
    const bytes = await (await page.request.get(composite?.contentUrl ?? "")).body();
    const out = decode(bytes);
    const src = decode(input);
    expect([out.width, out.height, out.channels]).toEqual([W, H, 4]);
    let outside = 0;
    let changedInside = 0;
    const wrong: string[] = [];
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const where = againstRect(r0, r1, x, y);
        const i = (y * W + x) * 4;
        const same = [0, 1, 2, 3].every((c) => out.data[i + c] === src.data[i + c]);
        if (where === "out") {
          outside++;
          if (!same && wrong.length < 5) wrong.push(`(${x},${y})`);
        } else if (where === "in" && !same) changedInside++;
      }
    expect(wrong, "outside pixels that differ from the input").toEqual([]);
    expect(outside).toBeGreaterThan(W * H * 0.5);
    // The emulator's edit changes every pixel, so the inside is the model's.
    expect(changedInside).toBeGreaterThan(0);
  });

  test("Edit this result, /images?edit=<id> and the library's Edit open Edit with that image", async ({
    page,
  }) => {
    const images = new ImagesPage(page);
    await images.model("gpt-image-2");
    await images.prompt().fill("a green teapot");
    await images.param("stream").uncheck();
    await images.param("size").selectOption("1024x1024");
    await images.runButton().click();
    const tile = images.results().first();
    await expect(tile).toHaveAttribute("data-status", "done");
    await expect(tile).toContainText("Saved to the library");

    await tile.getByTestId("image-edit-this").click();
    await expect(page.getByRole("tab", { name: "Edit" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("edit-input")).toContainText("1024x1024");
    await expect(page.getByTestId("mask-canvas")).toBeVisible();

    const list = (await (await page.request.get("/api/images?role=result")).json()) as {
      data: StoredImage[];
    };
    const id = list.data[0]?.id ?? "";
    expect(id).not.toBe("");

    await images.mode("Generate");
    await page.goto(`/images?edit=${id}`);
    await expect(page).toHaveURL(/\/images$/);
    await expect(page.getByRole("tab", { name: "Edit" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("edit-input")).toContainText("1024x1024");
    await expect(page.getByTestId("mask-canvas")).toBeVisible();

    await page.goto(`/images/library/${id}`);
    await page.getByTestId("image-edit").click();
    await expect(page).toHaveURL(/\/images$/);
    await expect(page.getByRole("tab", { name: "Edit" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("edit-input")).toHaveCount(1);
    await expect(page.getByTestId("mask-canvas")).toBeVisible();
  });

  test("variations are not offered: the only model serving them, dall-e-2, is listed as shut down", async ({
    page,
  }) => {
    const images = new ImagesPage(page);
    await expect(page.getByRole("tab", { name: "Generate" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Variations" })).toHaveCount(0);
    await images.model("dall-e-2");
    await expect(page.getByTestId("model-note")).toContainText("shut down on 2026-05-12");
    await expect(page.getByRole("tab", { name: "Edit" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Variations" })).toHaveCount(0);
  });
});
