import { expect, test } from "./fixtures";
import { expectMask, MaskEditorPage, testPng } from "./pages/images-mask";
import { emulator } from "./support/emulator";

const W = 320;
const H = 200;
/** The editor's starting brush for this image: a fortieth of the shorter side, at least 4 px. */
const BRUSH = Math.max(4, Math.round(Math.min(W, H) / 40));

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

/** Where a pixel centre is against a brush stroke from `a` to `b` of diameter `size`. */
function againstStroke(a: Pt, b: Pt, size: number, x: number, y: number): "in" | "out" | "edge" {
  const [cx, cy] = [x + 0.5, y + 0.5];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.min(1, Math.max(0, ((cx - a[0]) * dx + (cy - a[1]) * dy) / (dx * dx + dy * dy)));
  const d = Math.hypot(cx - (a[0] + t * dx), cy - (a[1] + t * dy));
  return d <= size / 2 - 1 ? "in" : d > size / 2 + 1 ? "out" : "edge";
}

function both(...verdicts: ("in" | "out" | "edge")[]): "in" | "out" | "edge" {
  if (verdicts.includes("in")) return "in";
  return verdicts.includes("edge") ? "edge" : "out";
}

test.describe("image mask editor", () => {
  test("a rectangle and a stroke drawn with the mouse export exactly; undo, redo and invert", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const editor = new MaskEditorPage(page);
    await editor.open(testPng(W, H));

    await editor.tool("rect");
    await editor.drag([
      [0.2, 0.25],
      [0.5, 0.6],
    ]);
    const r0 = await editor.imagePoint(0.2, 0.25, W, H);
    const r1 = await editor.imagePoint(0.5, 0.6, W, H);
    await editor.tool("brush");
    await editor.drag([
      [0.7, 0.2],
      [0.9, 0.8],
    ]);
    const s0 = await editor.imagePoint(0.7, 0.2, W, H);
    const s1 = await editor.imagePoint(0.9, 0.8, W, H);
    const drawn = (x: number, y: number) =>
      both(againstRect(r0, r1, x, y), againstStroke(s0, s1, BRUSH, x, y));

    const painted = expectMask(await editor.exportMask(), W, H, drawn);
    expect(painted).toBeGreaterThan(1000);

    await page.getByTestId("mask-undo").click();
    expectMask(await editor.exportMask(), W, H, (x, y) => againstRect(r0, r1, x, y));
    await page.getByTestId("mask-redo").click();
    expectMask(await editor.exportMask(), W, H, drawn);

    await page.getByTestId("mask-invert").click();
    const flipped = { in: "out", out: "in", edge: "edge" } as const;
    expectMask(await editor.exportMask(), W, H, (x, y) => flipped[drawn(x, y)]);

    await page.getByTestId("mask-clear").click();
    await expect(page.getByTestId("mask-undo")).toBeEnabled();
    const cleared = await editor.exportMask();
    expectMask(cleared, W, H, () => "out");
  });

  test("keys: x and e toggle the eraser, [ and ] size the brush, Ctrl+Z undoes, ? lists them", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const editor = new MaskEditorPage(page);
    await editor.open(testPng(W, H));
    const surface = page.getByRole("application", { name: /Mask editor/ });
    await surface.focus();
    await page.keyboard.press("x");
    await expect(page.getByTestId("mask-tool-eraser")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("e");
    await expect(page.getByTestId("mask-tool-brush")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("]");
    await expect(page.getByLabel("Brush size")).toHaveValue(String(BRUSH + 1));
    await page.keyboard.press("[");
    await page.keyboard.press("[");
    await expect(page.getByLabel("Brush size")).toHaveValue(String(BRUSH - 1));

    await editor.drag([
      [0.1, 0.1],
      [0.3, 0.3],
    ]);
    await expect(page.getByTestId("mask-undo")).toBeEnabled();
    await surface.focus();
    await page.keyboard.press("ControlOrMeta+z");
    await expect(page.getByTestId("mask-undo")).toBeDisabled();
    await page.keyboard.press("ControlOrMeta+Shift+z");
    await expect(page.getByTestId("mask-undo")).toBeEnabled();

    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Mask editor shortcuts" })).toBeVisible();
    await expect(page.getByTestId("mask-shortcuts")).toContainText("Switch between brush and eraser");
  });

  test("the mask PNG sent with an edit is the drawn rectangle, pixel for pixel", async ({ page, signIn }) => {
    await signIn(page);
    const editor = new MaskEditorPage(page);
    await editor.open(testPng(W, H));
    await editor.tool("rect");
    await editor.drag([
      [0.3, 0.3],
      [0.7, 0.8],
    ]);
    const r0 = await editor.imagePoint(0.3, 0.3, W, H);
    const r1 = await editor.imagePoint(0.7, 0.8, W, H);
    await page.getByTestId("image-prompt").fill("a red door in the masked area");

    await page.getByTestId("image-run").click();
    await expect(page.getByTestId("image-result").first()).toHaveAttribute("data-status", "done");

    // The mask part as it reached the upstream, through Benchtop's proxy: an RGBA PNG of the image's
    // size, alpha 0 exactly inside the rectangle.
    const logged = await emulator.lastPost("/v1/images/edits");
    expect(logged.status).toBe(200);
    const mask = await emulator.lastPart("/v1/images/edits", "mask");
    expect(mask.contentType).toBe("image/png");
    const { decode } = await import("fast-png");
    expectMask(decode(mask.content), W, H, (x, y) => againstRect(r0, r1, x, y));
  });
});
