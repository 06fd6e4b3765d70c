"use client";

import { lazyComponent } from "@/components/ui/lazy";

/** Loaded on first open, so the program templates stay out of the playground's first load. */
export const CodeDialog = lazyComponent(() => import("./code-dialog-content").then((m) => m.CodeDialog));
export type { CodeDialogProps } from "./code-dialog-content";
