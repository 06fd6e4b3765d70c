import { describe, expect, it } from "vitest";
import { ConfigError, maskKey, parseConfig } from "./config";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
  }
  return [];
}

describe("config", () => {
  it("starts without a key and with defaults", () => {
    const c = parseConfig({});
    expect(c.openai.apiKey).toBeUndefined();
    expect(c.openai.baseUrl.toString()).toBe("https://api.openai.com/v1");
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/data$/);
  });

  it("names every invalid variable at once", () => {
    const p = problems({
      OPENAI_BASE_URL: "ftp://x",
      PORT: "99999",
      CONSOLE_SECRET: "short",
      DATABASE_URL: "mysql://x",
      CONSOLE_ADMIN_EMAIL: "nope",
    });
    const joined = p.join("\n");
    for (const name of ["OPENAI_BASE_URL", "PORT", "CONSOLE_SECRET", "DATABASE_URL", "CONSOLE_ADMIN_EMAIL"])
      expect(joined).toContain(name);
  });

  it("requires admin email and password together", () => {
    expect(problems({ CONSOLE_ADMIN_EMAIL: "a@b.co" }).join()).toContain("CONSOLE_ADMIN_PASSWORD");
  });

  it("requires a secret with an external database", () => {
    expect(problems({ DATABASE_URL: "postgres://localhost/db" }).join()).toContain("CONSOLE_SECRET");
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "" }).openai.apiKey).toBeUndefined();
  });

  it("reads the shutdown grace period, 30 s unless set", () => {
    expect(parseConfig({}).shutdownGraceMs).toBe(30_000);
    expect(parseConfig({ SHUTDOWN_GRACE_MS: "" }).shutdownGraceMs).toBe(30_000);
    expect(parseConfig({ SHUTDOWN_GRACE_MS: "0" }).shutdownGraceMs).toBe(0);
    expect(parseConfig({ SHUTDOWN_GRACE_MS: "120000" }).shutdownGraceMs).toBe(120_000);
    for (const bad of ["soon", "-1", "1.5", "99999999"])
      expect(problems({ SHUTDOWN_GRACE_MS: bad }).join(), bad).toMatch(/^SHUTDOWN_GRACE_MS must/);
  });

  it("knows the host's request-body limit: none by default, Vercel's 4.5 MB there, or the setting", () => {
    expect(parseConfig({}).requestBodyLimit).toBeNull();
    expect(parseConfig({ VERCEL: "1" }).requestBodyLimit).toBe(4_500_000);
    expect(parseConfig({ VERCEL: "1", REQUEST_BODY_LIMIT_BYTES: "10000000" }).requestBodyLimit).toBe(
      10_000_000,
    );
    expect(parseConfig({ REQUEST_BODY_LIMIT_BYTES: "1048576" }).requestBodyLimit).toBe(1_048_576);
    for (const bad of ["big", "1.5", "100"])
      expect(problems({ REQUEST_BODY_LIMIT_BYTES: bad }).join(), bad).toMatch(
        /^REQUEST_BODY_LIMIT_BYTES must/,
      );
  });

  it("masks keys to their last four characters", () => {
    expect(maskKey("sk-proj-abcdefghijklmnop1234")).toBe("sk-…1234");
    expect(maskKey(undefined)).toBeNull();
    expect(maskKey("short")).toBe("…hort");
  });
});
