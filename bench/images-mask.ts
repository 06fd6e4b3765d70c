/**
 * Mask editor benchmark in Chromium (`npm run bench:images-mask`, after `npm run build`); CI runs it
 * in quick mode (a 1280x720 image, short drags).
 *
 * On /images (Edit, a 3840x2160 PNG in `image-input-file`), Playwright drags the mouse over
 * `mask-canvas` with the default brush and with a large one, while the page records the gaps
 * between animation frames and every long task (> 50 ms). Then: undo of the last stroke, and the
 * mask export (click to download), whose PNG is decoded here and checked (size, only 0 and 255
 * alpha, painted pixels present).
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { decode, encode } from "fast-png";
import { startProbe, stopProbe } from "./probe";
import { runOnOwnStack, type Stack, signedInPage } from "./stack";
import { mustHaveRun, pct, QUICK, round } from "./support";

const W = QUICK ? 1280 : 3840;
const H = QUICK ? 720 : 2160;
const MOVES = QUICK ? 40 : 300;
const EXPORTS = QUICK ? 1 : 3;

/** A photo-like test image: smooth colour gradients, so it compresses like a real one would not. */
function testImage(): Buffer {
  const data = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      data[i] = (x * 255) / W;
      data[i + 1] = (y * 255) / H;
      data[i + 2] = ((x + y) * 7) & 255;
      data[i + 3] = 255;
    }
  }
  return Buffer.from(encode({ width: W, height: H, data, channels: 4, depth: 8 }, { zlib: { level: 1 } }));
}

async function probeSummary(page: Page) {
  // Long-task entries arrive after their task: give the last ones time to land.
  await page.waitForTimeout(300);
  const r = await stopProbe(page);
  return {
    frames: r.frames.length,
    frameP50: round(pct(r.frames, 50, 0)),
    frameP95: round(pct(r.frames, 95, 0)),
    frameP99: round(pct(r.frames, 99, 0)),
    frameMax: round(Math.max(0, ...r.frames)),
    longTasks: r.long.length,
    longestTask: round(Math.max(0, ...r.long)),
  };
}

/** A zig-zag drag across the canvas, one mouse event per step, as a hand would send them. */
async function drag(page: Page, moves: number) {
  const box = await page.getByTestId("mask-canvas").boundingBox();
  if (!box) throw new Error("mask-canvas is not on screen");
  const at = (i: number) => {
    const t = i / moves;
    return [
      box.x + box.width * (0.1 + 0.8 * t),
      box.y + box.height * (0.5 + 0.35 * Math.sin(t * Math.PI * 6)),
    ] as const;
  };
  await page.mouse.move(...at(0));
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) await page.mouse.move(...at(i));
  await page.mouse.up();
}

async function exportMask(page: Page) {
  const t0 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("mask-export").click(),
  ]);
  const file = await download.path();
  const ms = Date.now() - t0;
  const bytes = fs.readFileSync(file);
  const png = decode(bytes);
  let painted = 0;
  let other = 0;
  for (let i = 3; i < png.data.length; i += 4) {
    if (png.data[i] === 0) painted++;
    else if (png.data[i] !== 255) other++;
  }
  return {
    ms,
    bytes: bytes.length,
    width: png.width,
    height: png.height,
    channels: png.channels,
    painted,
    other,
  };
}

export async function imagesMaskBench(stack: Stack) {
  const page = await signedInPage(stack);
  await page.goto(`${stack.base}/images`);
  await page.getByRole("tab", { name: "Edit" }).click();
  await page
    .getByTestId("image-input-file")
    .setInputFiles({ name: "bench.png", mimeType: "image/png", buffer: testImage() });
  await page.getByTestId("mask-canvas").waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  const viewport = page.getByRole("application", { name: /Mask editor/ });

  const results: Record<string, unknown> = { image: `${W}x${H}` };
  await startProbe(page);
  await drag(page, MOVES);
  results.defaultBrush = { label: await viewport.getAttribute("aria-label"), ...(await probeSummary(page)) };

  // A large brush: ] steps the size up by ~15% each time.
  await viewport.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press("]");
  await startProbe(page);
  await drag(page, MOVES);
  results.largeBrush = { label: await viewport.getAttribute("aria-label"), ...(await probeSummary(page)) };

  await startProbe(page);
  await page.keyboard.press("Control+z");
  await page.waitForTimeout(500);
  results.undo = await probeSummary(page);

  const exports = [];
  for (let i = 0; i < EXPORTS; i++) {
    await startProbe(page);
    const e = await exportMask(page);
    exports.push({ ...e, ...(await probeSummary(page)) });
  }
  results.export = exports;
  console.log(JSON.stringify(results, null, 2));

  const d = results.defaultBrush as Awaited<ReturnType<typeof probeSummary>>;
  const first = exports[0];
  mustHaveRun([
    d.frames < 10 && "fewer than 10 frames were recorded while drawing",
    !first && "the mask was not exported",
    first && (first.width !== W || first.height !== H) && `the mask PNG is ${first.width}x${first.height}`,
    first && first.channels !== 4 && "the mask PNG is not RGBA",
    first && first.painted === 0 && "nothing was painted",
    first && first.other > 0 && `${first.other} pixels are half transparent`,
  ]);
  await page.close();
}

if (require.main === module) runOnOwnStack("images-mask", imagesMaskBench);
