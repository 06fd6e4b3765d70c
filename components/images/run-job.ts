"use client";

import type { ApiError } from "@/lib/errors";
import type { ImageEndpoint, ImageUsage } from "@/lib/images/request";
import type { StoredImage } from "@/lib/images/schema";

/** One result tile's state, from the first partial to the saved image (and its composite). */
export interface ResultSlot {
  key: string;
  status: "pending" | "partial" | "done" | "error" | "stopped";
  /** Object URL of the newest partial, then of the final image. */
  url: string | null;
  partials: number;
  blob: Blob | null;
  format: string;
  width: number | null;
  height: number | null;
  revisedPrompt: string | null;
  usage: ImageUsage | null;
  costUsd: number | null;
  stored: StoredImage | null;
  saving: boolean;
  saveError: string | null;
  /** The result with the original put back outside the edit area. */
  composite: { url: string; blob: Blob; stored: StoredImage | null; saveError: string | null } | null;
  compositeError: string | null;
  error: ApiError | null;
}

export interface ImageRun {
  id: string;
  endpoint: ImageEndpoint;
  model: string;
  prompt: string;
  /** The parameters as sent (without prompt, model or images). */
  params: Record<string, unknown>;
  requests: number;
  streaming: boolean;
  startedAt: number;
  endedAt: number | null;
  slots: ResultSlot[];
  /** The first request's failure; other requests may still have succeeded. */
  error: ApiError | null;
  /** The mask saved to the library, or why it could not be. */
  maskId: string | null;
  notices: string[];
  /** The first input's URL, for the before/after compare. */
  beforeUrl: string | null;
}

export function emptySlot(key: string): ResultSlot {
  return {
    key,
    status: "pending",
    url: null,
    partials: 0,
    blob: null,
    format: "png",
    width: null,
    height: null,
    revisedPrompt: null,
    usage: null,
    costUsd: null,
    stored: null,
    saving: false,
    saveError: null,
    composite: null,
    compositeError: null,
    error: null,
  };
}
