"use client";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { addOp, type MaskDoc, rememberBits } from "@/lib/images/mask";
import { type DirtyRect, MaskRaster, paintSegment, unionRect } from "@/lib/images/mask-raster";
import { type Gesture, gestureOp, roundPoint } from "./gesture";
import { OverlayTiles } from "./overlay";
import { fitView, toImage, type View, zoomAt } from "./view";

export type Tool = "brush" | "eraser" | "rect" | "lasso";

export interface MaskCanvasOptions {
  image: ImageBitmap;
  mask: MaskDoc;
  onChange(mask: MaskDoc): void;
  tool: Tool;
  size: number;
  /** A URL of the same image, if the caller has one: saves drawing the bitmap into a PNG to show it. */
  src?: string;
}

/**
 * The canvases of the mask editor. The image and the tinted overlay (in tiles) are at the image's
 * natural size, scaled by a CSS transform (zoom and pan move no pixels). Pointer moves only record
 * points; once per frame the new stroke segments are rasterised into the mask bits and just their
 * rectangle of the overlay is repainted. React renders on tool and zoom changes, never per move.
 */
export function useMaskCanvas(options: MaskCanvasOptions) {
  const { image, mask } = options;
  const { width, height } = image;
  const latest = useRef(options);
  latest.current = options;

  const viewportRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const tiles = useRef<OverlayTiles | null>(null);
  const ringRef = useRef<HTMLDivElement>(null);
  const shapeRef = useRef<SVGPolygonElement>(null);
  const raster = useMemo(() => new MaskRaster(width, height), [width, height]);
  const view = useRef<View>({ x: 0, y: 0, z: 1 });
  const fitted = useRef(true);
  const [zoom, setZoom] = useState(1);
  const space = useRef(false);

  const repaint = useCallback(
    (rect: DirtyRect | null) => {
      if (rect) tiles.current?.paint(raster.bits, rect);
    },
    [raster],
  );

  const applyView = useCallback((next: View) => {
    view.current = next;
    const stage = stageRef.current;
    if (stage) {
      stage.style.transform = `translate(${next.x}px, ${next.y}px) scale(${next.z})`;
      // Zoomed in, show pixels as squares: the mask is exact to the pixel and so is the view.
      stage.style.imageRendering = next.z >= 2 ? "pixelated" : "auto";
    }
    setZoom(next.z);
  }, []);

  const fitToView = useCallback(() => {
    const vp = viewportRef.current;
    if (!vp) return;
    fitted.current = true;
    applyView(fitView(width, height, vp.clientWidth, vp.clientHeight));
  }, [applyView, width, height]);

  const zoomBy = useCallback(
    (factor: number, sx?: number, sy?: number) => {
      const vp = viewportRef.current;
      if (!vp) return;
      fitted.current = false;
      applyView(zoomAt(view.current, factor, sx ?? vp.clientWidth / 2, sy ?? vp.clientHeight / 2));
    },
    [applyView],
  );

  // The image shows as an <img>, not a canvas: a 4K canvas slows every compositor commit (overlay.ts).
  const [url, setUrl] = useState<string | null>(options.src ?? null);
  useEffect(() => {
    if (options.src) return setUrl(options.src);
    let own: string | null = null;
    let live = true;
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext("2d")?.drawImage(image, 0, 0);
    void canvas.convertToBlob({ type: "image/png" }).then((blob) => {
      if (!live) return;
      own = URL.createObjectURL(blob);
      setUrl(own);
    });
    return () => {
      live = false;
      if (own) URL.revokeObjectURL(own);
    };
  }, [image, options.src, width, height]);

  // New tiles for a new image size: everything the raster holds is painted on them.
  useLayoutEffect(() => {
    if (!overlayRef.current) return;
    tiles.current = new OverlayTiles(overlayRef.current, width, height);
    raster.invalidate();
  }, [raster, width, height]);

  useLayoutEffect(() => {
    repaint(raster.sync(mask.ops));
    if (mask.width === width && mask.height === height) rememberBits(mask, raster.bits);
  }, [raster, mask, width, height, repaint]);

  useLayoutEffect(() => {
    const vp = viewportRef.current;
    if (!vp) return;
    fitToView();
    const observer = new ResizeObserver(() => fitted.current && fitToView());
    observer.observe(vp);
    return () => observer.disconnect();
  }, [fitToView]);

  useEffect(() => {
    const vp = viewportRef.current;
    if (!vp) return;
    let gesture: Gesture | null = null;
    let frame = 0;
    const touches = new Map<number, { x: number; y: number }>();
    // Read once per event: the ring's style changes would make every later read force a layout.
    const local = (e: { clientX: number; clientY: number }, r = vp.getBoundingClientRect()) => {
      // The stage sits inside the viewport's border: positions count from its padding box.
      return [e.clientX - r.left - vp.clientLeft, e.clientY - r.top - vp.clientTop] as const;
    };
    const ring = (sx: number, sy: number, show: boolean) => {
      const el = ringRef.current;
      if (!el) return;
      const d = latest.current.size * view.current.z;
      el.style.display = show ? "block" : "none";
      el.style.width = el.style.height = `${d}px`;
      el.style.transform = `translate(${sx - d / 2}px, ${sy - d / 2}px)`;
    };
    const shape = (points: number[]) => shapeRef.current?.setAttribute("points", points.join(" "));

    // Once per frame: rasterise the stroke's new segments and repaint their rectangle.
    const flush = () => {
      frame = 0;
      const g = gesture;
      if (g?.kind !== "paint") return;
      let dirty: DirtyRect | null = null;
      const v = g.erase ? 0 : 1;
      const p = g.points;
      for (let i = g.painted; i + 1 < p.length; i += 2) {
        const [ax, ay] = i === 0 ? [p[0] ?? 0, p[1] ?? 0] : [p[i - 2] ?? 0, p[i - 1] ?? 0];
        const seg = paintSegment(
          raster.bits,
          width,
          { x: 0, y: 0, w: width, h: height },
          ax,
          ay,
          p[i] ?? 0,
          p[i + 1] ?? 0,
          g.size,
          v,
        );
        dirty = unionRect(dirty, seg);
      }
      g.painted = p.length;
      repaint(dirty);
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(flush);
    };

    const down = (e: PointerEvent) => {
      if (e.pointerType === "touch") touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (touches.size === 2) {
        // A second finger: whatever the first began becomes a pinch, and a half stroke is dropped.
        if (gesture?.kind === "paint") {
          raster.invalidate();
          repaint(raster.sync(latest.current.mask.ops));
        }
        const [a, b] = [...touches.values()];
        if (!a || !b) return;
        const [mx, my] = local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
        gesture = { kind: "pinch", dist: Math.hypot(a.x - b.x, a.y - b.y), mx, my };
        shape([]);
        return;
      }
      if (gesture || (e.button !== 0 && e.button !== 1)) return;
      e.preventDefault();
      vp.focus({ preventScroll: true });
      vp.setPointerCapture(e.pointerId);
      const [sx, sy] = local(e);
      const [ix, iy] = toImage(view.current, sx, sy);
      const { tool, size } = latest.current;
      const erase = tool === "eraser" || e.altKey;
      if (e.button === 1 || space.current) {
        gesture = { kind: "pan", id: e.pointerId, sx, sy, vx: view.current.x, vy: view.current.y };
      } else if (tool === "brush" || tool === "eraser") {
        gesture = {
          kind: "paint",
          id: e.pointerId,
          erase,
          size,
          points: [roundPoint(ix), roundPoint(iy)],
          painted: 0,
        };
        schedule();
      } else if (tool === "rect") {
        gesture = { kind: "rect", id: e.pointerId, erase, x0: ix, y0: iy, x1: ix, y1: iy };
      } else {
        gesture = { kind: "lasso", id: e.pointerId, erase, points: [roundPoint(ix), roundPoint(iy)] };
      }
    };

    const move = (e: PointerEvent) => {
      const box = vp.getBoundingClientRect();
      const [sx, sy] = local(e, box);
      const drawing = latest.current.tool === "brush" || latest.current.tool === "eraser";
      ring(sx, sy, drawing && !space.current && e.pointerType !== "touch");
      if (touches.has(e.pointerId)) touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const g = gesture;
      if (!g) return;
      if (g.kind === "pinch") {
        const [a, b] = [...touches.values()];
        if (!a || !b) return;
        const dist = Math.hypot(a.x - b.x, a.y - b.y);
        const [mx, my] = local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 }, box);
        const moved = { ...view.current, x: view.current.x + mx - g.mx, y: view.current.y + my - g.my };
        fitted.current = false;
        applyView(zoomAt(moved, dist / g.dist, mx, my));
        Object.assign(g, { dist, mx, my });
        return;
      }
      if (g.id !== e.pointerId) return;
      if (g.kind === "pan") {
        fitted.current = false;
        applyView({ ...view.current, x: g.vx + sx - g.sx, y: g.vy + sy - g.sy });
        return;
      }
      // Every point the pointer passed through since the last event, not just the last one.
      const events = e.getCoalescedEvents?.() ?? [e];
      for (const c of events.length ? events : [e]) {
        const [ix, iy] = toImage(view.current, ...local(c, box));
        if (g.kind === "rect") {
          [g.x1, g.y1] = [ix, iy];
          shape([g.x0, g.y0, g.x1, g.y0, g.x1, g.y1, g.x0, g.y1]);
        } else {
          const p = g.points;
          const last = [p[p.length - 2] ?? 0, p[p.length - 1] ?? 0];
          // Points closer than half a screen pixel add nothing a user could see.
          if (Math.hypot(ix - (last[0] ?? 0), iy - (last[1] ?? 0)) * view.current.z < 0.5) continue;
          p.push(roundPoint(ix), roundPoint(iy));
        }
      }
      if (g.kind === "paint") schedule();
      else if (g.kind === "lasso") shape(g.points);
    };

    const up = (e: PointerEvent) => {
      touches.delete(e.pointerId);
      const g = gesture;
      if (g?.kind === "pinch") {
        if (touches.size === 0) gesture = null;
        return;
      }
      if (!g || g.id !== e.pointerId) return;
      gesture = null;
      shape([]);
      if (g.kind === "pan") return;
      if (g.kind === "paint") {
        cancelAnimationFrame(frame);
        gesture = g;
        flush();
        gesture = null;
      }
      const op = gestureOp(g, width, height);
      if (!op) return;
      const { mask: current, onChange } = latest.current;
      if (g.kind === "paint") raster.markApplied(op);
      onChange(addOp(current, op));
    };

    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const [sx, sy] = local(e);
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      zoomBy(Math.exp(-delta * 0.0015), sx, sy);
    };
    const leave = () => ring(0, 0, false);

    vp.addEventListener("pointerdown", down);
    vp.addEventListener("pointermove", move);
    vp.addEventListener("pointerup", up);
    vp.addEventListener("pointercancel", up);
    vp.addEventListener("pointerleave", leave);
    vp.addEventListener("wheel", wheel, { passive: false });
    return () => {
      cancelAnimationFrame(frame);
      vp.removeEventListener("pointerdown", down);
      vp.removeEventListener("pointermove", move);
      vp.removeEventListener("pointerup", up);
      vp.removeEventListener("pointercancel", up);
      vp.removeEventListener("pointerleave", leave);
      vp.removeEventListener("wheel", wheel);
    };
  }, [raster, width, height, repaint, applyView, zoomBy]);

  return { url, viewportRef, stageRef, overlayRef, ringRef, shapeRef, zoom, fitToView, zoomBy, space };
}
