import { expect, type Locator, type Page } from "@playwright/test";
import { decode, encode } from "fast-png";

/** A decoded PNG: RGBA or otherwise, as fast-png gives it. */
export type Png = ReturnType<typeof decode>;

/** A test image of `w`×`h`: opaque, with a gradient so a wrong orientation would show. */
export function testPng(w: number, h: number): Buffer {
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([(i % w) & 255, (i / w) & 255, 128, 255], i * 4);
  return Buffer.from(encode({ width: w, height: h, data, channels: 4, depth: 8 }));
}

/**
 * The mask editor on /images (Edit), driven with the mouse. Points are fractions of the image
 * (0..1), turned into screen positions on `mask-canvas`, whose box is the image's on screen.
 */
export class MaskEditorPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.getByTestId("mask-canvas");
  }

  /** Opens Edit with `png` as the first input and waits for the editor. */
  async open(png: Buffer, name = "input.png"): Promise<void> {
    await this.page.goto("/images");
    await this.page.getByRole("tab", { name: "Edit" }).click();
    await this.page
      .getByTestId("image-input-file")
      .setInputFiles({ name, mimeType: "image/png", buffer: png });
    await expect(this.canvas()).toBeVisible();
  }

  async tool(name: "brush" | "eraser" | "rect" | "lasso"): Promise<void> {
    await this.page.getByTestId(`mask-tool-${name}`).click();
    await expect(this.page.getByTestId(`mask-tool-${name}`)).toHaveAttribute("aria-pressed", "true");
  }

  /** Screen position of a point given as fractions of the image. */
  async at(fx: number, fy: number): Promise<[number, number]> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error("mask-canvas is not on screen");
    return [box.x + box.width * fx, box.y + box.height * fy];
  }

  /** Image pixel coordinates of a point given as fractions (what the editor records). */
  async imagePoint(fx: number, fy: number, width: number, height: number): Promise<[number, number]> {
    const [sx, sy] = await this.at(fx, fy);
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error("mask-canvas is not on screen");
    return [((sx - box.x) / box.width) * width, ((sy - box.y) / box.height) * height];
  }

  /** Presses at the first point, moves through the rest, releases. */
  async drag(points: [number, number][]): Promise<void> {
    const [first, ...rest] = points;
    if (!first) return;
    await this.page.mouse.move(...(await this.at(...first)));
    await this.page.mouse.down();
    for (const p of rest) await this.page.mouse.move(...(await this.at(...p)), { steps: 4 });
    await this.page.mouse.up();
  }

  /** Clicks Export mask and decodes the PNG it downloads. */
  async exportMask(): Promise<Png> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByTestId("mask-export").click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return decode(Buffer.concat(chunks));
  }
}

/**
 * Checks a mask PNG pixel by pixel: `width`×`height`, RGBA, alpha 0 where `inside(x, y)` says
 * "in", 255 where it says "out"; pixels on a shape's edge ("edge") may be either, but never another
 * alpha. Returns the count of painted pixels.
 */
export function expectMask(
  png: Png,
  width: number,
  height: number,
  inside: (x: number, y: number) => "in" | "out" | "edge",
): number {
  expect([png.width, png.height, png.channels, png.depth]).toEqual([width, height, 4, 8]);
  const wrong: string[] = [];
  let painted = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = png.data[(y * width + x) * 4 + 3];
      if (a === 0) painted++;
      const want = inside(x, y);
      const ok = a === 0 || a === 255 ? want === "edge" || (want === "in") === (a === 0) : false;
      if (!ok && wrong.length < 10) wrong.push(`(${x},${y}) alpha ${a}, expected ${want}`);
    }
  }
  expect(wrong, "mask pixels").toEqual([]);
  return painted;
}
