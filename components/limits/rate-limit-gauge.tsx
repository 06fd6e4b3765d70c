"use client";

/** A small gauge of the upstream's remaining requests and tokens for one model (part "limits"; stub). The playground mounts it. */
export function RateLimitGauge(_props: { model: string }) {
  return null;
}
