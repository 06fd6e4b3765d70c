import { describe, expect, it } from "vitest";
import { guidanceFor } from "./guidance";

const e = (status: number | null, code: string | null, type = "server_error", message = "") => ({
  status,
  code,
  type,
  param: null,
  message,
});

describe("guidanceFor", () => {
  it.each([
    // The proxy's answer to an upstream 401: a refused key, for an admin to fix; never "down".
    [e(502, "upstream_unauthorized", "upstream_error"), "The upstream refused Benchtop's key", false],
    [e(401, "invalid_api_key", "invalid_request_error"), "The upstream refused Benchtop's key", false],
    [e(503, "api_key_missing", "config_error"), "Benchtop is not configured for this", false],
    [
      e(403, "unsupported_country_region_territory", "request_forbidden"),
      "Not available in this region",
      false,
    ],
    [e(403, "admin_only", "permission_error"), "Not allowed", false],
    [
      e(403, null, "invalid_request_error", "You have insufficient permissions"),
      "The upstream refused this request",
      false,
    ],
    [
      e(404, "model_not_found", "invalid_request_error", "The model `x` does not exist"),
      "Model not found",
      false,
    ],
    [e(404, null, "invalid_request_error", "No such file"), "Not found", false],
    [e(429, "rate_limit_exceeded", "requests"), "Rate limit reached", true],
    [e(429, "insufficient_quota", "insufficient_quota"), "Quota exhausted", false],
    [e(500, "server_error"), "Upstream error", true],
    [
      e(
        400,
        "moderation_blocked",
        "invalid_request_error",
        "Your request was rejected by the safety system.",
      ),
      "Refused by the upstream's moderation",
      false,
    ],
    [e(502, "upstream_unreachable", "upstream_error"), "Upstream unreachable", true],
    [e(503, "overloaded", "server_error", "The engine is currently overloaded"), "Upstream overloaded", true],
    [e(503, null), "Upstream unavailable", true],
    [e(504, "upstream_timeout", "upstream_error"), "Upstream timed out", true],
  ])("%o → %s", (err, title, retry) => {
    const g = guidanceFor(err);
    expect(g.title).toBe(title);
    expect(g.retry).toBe(retry);
  });

  it("sends an admin to Settings for a refused key, and offers Continue only for a broken stream", () => {
    expect(guidanceFor(e(502, "upstream_unauthorized")).advice).toContain("Settings");
    expect(guidanceFor(e(502, "upstream_unauthorized")).advice).not.toMatch(/down or overloaded/);
    expect(guidanceFor(e(null, "stream_interrupted")).continue).toBe(true);
    expect(guidanceFor(e(500, "server_error")).continue).toBe(false);
  });
});
