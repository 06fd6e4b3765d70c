import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { checkFamilyMethod, needsAdminKey, resolveUpstreamPath, upstreamTarget, upstreamUrl } from "./paths";

const base = new URL("https://api.openai.com/v1");

function refused(raw: string): ApiError {
  try {
    resolveUpstreamPath(raw, "");
  } catch (e) {
    if (e instanceof ApiError) return e;
  }
  throw new Error(`expected ${raw} to be refused`);
}

describe("resolveUpstreamPath", () => {
  it("accepts every allowlisted family", () => {
    for (const p of [
      "models",
      "models/ft:gpt-4o-mini:org::abc",
      "chat/completions",
      "completions",
      "responses/input_tokens",
      "responses/resp_1/cancel",
      "conversations/conv_1/items",
      "containers/cntr_1/files/cfile_1/content",
      "containers/cntr_1",
      "files/file-abc/content",
      "uploads/upload_1/parts",
      "vector_stores/vs_1/search",
      "fine_tuning/jobs/ftjob-1/events",
      "images/edits",
      "batches",
      "moderations",
      "embeddings",
      "audio/speech",
      "organization/usage/completions",
    ]) {
      expect(resolveUpstreamPath(p, "").path).toBe(p);
    }
  });

  it("forwards the image endpoints: generations, edits (multipart or JSON) and variations", () => {
    for (const p of ["images/generations", "images/edits", "images/variations"]) {
      expect(resolveUpstreamPath(p, "")).toMatchObject({ family: "images", path: p });
    }
  });

  it("keeps the query string exactly as sent", () => {
    const q = "?include[]=file_search_call.results&metadata[k]=v&after=file-1";
    const p = resolveUpstreamPath("files", q);
    expect(upstreamUrl(base, p).toString()).toBe(`https://api.openai.com/v1/files${q}`);
  });

  it("drops a trailing slash but nothing else", () => {
    expect(resolveUpstreamPath("models/", "").path).toBe("models");
  });

  it.each([
    ["../secret"],
    ["models/../../admin"],
    ["models/./x"],
    ["models%2f..%2fadmin"],
    ["models%2F..%2Fadmin"],
    ["models/%2e%2e/x"],
    ["models\\..\\x"],
    ["models%5c..%5cx"],
    ["models//x"],
    ["files/%00"],
    ["files/%252e%252e"],
    ["models/a%0d%0aHost:evil"],
    ["models/a b"],
  ])("refuses %s", (raw) => {
    expect(refused(raw).status).toBe(400);
    expect(refused(raw).code).toBe("invalid_path");
  });

  it("answers 404 for unknown families and absolute URLs", () => {
    expect(refused("dashboard/billing").status).toBe(404);
    expect(refused("assistants").status).toBe(404);
    expect(refused("chat/other").status).toBe(404);
    expect(refused("").status).toBe(400);
    expect(refused("http:").status).toBe(404);
    expect(refused("https:/evil.example.com/v1/models").status).toBe(404);
  });

  it("can never change the upstream origin", () => {
    const p = resolveUpstreamPath("models/@evil.example.com", "");
    const url = upstreamUrl(base, p);
    expect(url.origin).toBe("https://api.openai.com");
    expect(url.pathname).toBe("/v1/models/@evil.example.com");
  });

  it("upstreamTarget sends exactly the request line and host upstreamUrl would", () => {
    const bases = [
      "https://api.openai.com/v1",
      "http://127.0.0.1:8000/openai/v1/",
      "http://[::1]:9000/x%20y/v1",
    ];
    const calls: [string, string][] = [
      ["models", ""],
      ["models/@evil.example.com", ""],
      ["files", "?purpose=batch&limit=10"],
      ["files", "?after=it's&q=[a]:b/c?d"],
      ["chat/completions", "?x=%41"],
    ];
    for (const b of bases) {
      const base = new URL(b);
      for (const [path, search] of calls) {
        const p = resolveUpstreamPath(path, search);
        const url = upstreamUrl(base, p);
        const t = upstreamTarget(base, p);
        expect(t.path).toBe(url.pathname + url.search);
        expect([t.protocol, t.port, t.host]).toEqual([url.protocol, url.port, url.host]);
        expect(t.hostname).toBe(url.hostname.replace(/^\[(.*)\]$/, "$1"));
      }
    }
  });

  it("joins onto a base without a /v1 suffix", () => {
    const url = upstreamUrl(new URL("http://127.0.0.1:8000/openai/v1/"), resolveUpstreamPath("models", ""));
    expect(url.toString()).toBe("http://127.0.0.1:8000/openai/v1/models");
  });
});

describe("resolveUpstreamPath: families and queries (F10, F1)", () => {
  it("prototype names are not families", () => {
    for (const p of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(() => resolveUpstreamPath(p, "")).toThrow(/Unknown or unsupported/);
    }
  });

  it("keeps RFC 3986 queries as sent and refuses spaces, quotes, controls and broken escapes", () => {
    for (const q of [
      "",
      "?limit=2&after=file-1",
      "?include[]=file_search_call.results",
      "?metadata[k]=a%20b%E2%82%AC",
    ]) {
      expect(resolveUpstreamPath("files", q).search).toBe(q);
    }
    for (const q of ["?a=b c", "?a=%0d%0aX", "?a=%00", "?a=%zz", '?a="x"', "?a=<b>", "?a=\u00e9"]) {
      expect(() => resolveUpstreamPath("files", q), q).toThrow(/query string/);
    }
  });
});

describe("containers", () => {
  it("forwards reading one container, never the listing of every container", () => {
    expect(resolveUpstreamPath("containers/cntr_1/files", "").path).toBe("containers/cntr_1/files");
    expect(refused("containers").code).toBe("unknown_path");
    expect(refused("containers/").code).toBe("unknown_path");
  });

  it("allows GET only: POST and DELETE are a 405 naming GET", () => {
    expect(() => checkFamilyMethod("containers", "GET")).not.toThrow();
    for (const method of ["POST", "DELETE"] as const) {
      let e: unknown;
      try {
        checkFamilyMethod("containers", method);
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(ApiError);
      expect(e).toMatchObject({ status: 405, code: "method_not_allowed", headers: { allow: "GET" } });
    }
    expect(() => checkFamilyMethod("files", "DELETE")).not.toThrow();
  });
});

describe("needsAdminKey", () => {
  it("is the organization family and fine-tuning checkpoint permissions, nothing else of fine-tuning", () => {
    const at = (raw: string) => needsAdminKey(resolveUpstreamPath(raw, ""));
    expect(at("organization/usage/completions")).toBe(true);
    expect(at("fine_tuning/checkpoints/ft:gpt-4o-mini:org::abc:ckpt-step-10/permissions")).toBe(true);
    expect(at("fine_tuning/checkpoints/ft:gpt-4o-mini:org::abc/permissions/cp_1")).toBe(true);
    expect(at("fine_tuning/jobs")).toBe(false);
    expect(at("fine_tuning/jobs/ftjob-1/checkpoints")).toBe(false);
    expect(at("fine_tuning/alpha/graders/run")).toBe(false);
    expect(at("files")).toBe(false);
  });
});
