"use client";
import { lazyComponent } from "@/components/ui/lazy";

/** The mask editor, loaded when it first shows: it is not part of the studio's first load. */
export const LazyMaskEditor = lazyComponent(() => import("./mask-editor").then((m) => m.MaskEditor));
