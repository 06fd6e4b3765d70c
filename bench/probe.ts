import type { Page } from "@playwright/test";

/** Frame gaps and long tasks in a page, for the browser benchmarks. */

/** Starts collecting long tasks and frame gaps in the page; `stopProbe` returns them. */
export async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { long: number[]; frames: number[]; on: boolean } };
    w.__probe = { long: [], frames: [], on: true };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__probe.on) w.__probe.long.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
    let last = performance.now();
    const tick = (t: number) => {
      if (!w.__probe.on) return;
      w.__probe.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Long-task durations and frame gaps (ms) since `startProbe`; the first gap, before the probe ran, is dropped. */
export async function stopProbe(page: Page): Promise<{ long: number[]; frames: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { long: number[]; frames: number[]; on: boolean } };
    w.__probe.on = false;
    return { long: w.__probe.long, frames: w.__probe.frames.slice(1) };
  });
}
