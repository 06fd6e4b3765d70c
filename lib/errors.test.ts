import { describe, expect, it } from "vitest";
import { ApiError, errors, typeForStatus } from "./errors";

describe("ApiError", () => {
  it("serialises to OpenAI's error shape with all four keys", async () => {
    const e = errors.badRequest("Bad thing", "model", "bad_model");
    expect(e.status).toBe(400);
    const res = e.toResponse();
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { message: "Bad thing", type: "invalid_request_error", param: "model", code: "bad_model" },
    });
  });

  it("derives status from type and keeps explicit statuses", () => {
    expect(errors.unauthenticated().status).toBe(401);
    expect(errors.forbidden("no").status).toBe(403);
    expect(errors.notFound("x").status).toBe(404);
    expect(new ApiError({ type: "upstream_error", message: "x", status: 504 }).status).toBe(504);
    expect(new ApiError({ type: "insufficient_quota", message: "x" }).status).toBe(500);
  });

  it("rebuilds from OpenAI bodies, bare bodies and garbage", () => {
    const a = ApiError.fromBody(429, {
      error: { message: "Slow down", type: "requests", param: null, code: "rate_limit_exceeded" },
    });
    expect([a.status, a.type, a.code, a.message]).toEqual([
      429,
      "requests",
      "rate_limit_exceeded",
      "Slow down",
    ]);
    const b = ApiError.fromBody(404, { message: "Not here", type: "invalid_request_error" });
    expect([b.type, b.message]).toEqual(["invalid_request_error", "Not here"]);
    const c = ApiError.fromBody(502, "<html>");
    expect(c.type).toBe("upstream_error");
    expect(c.message).toContain("502");
  });

  it("maps statuses to types", () => {
    expect(typeForStatus(401)).toBe("authentication_error");
    expect(typeForStatus(418)).toBe("invalid_request_error");
    expect(typeForStatus(599)).toBe("server_error");
  });
});
