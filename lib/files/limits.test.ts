import { describe, expect, it } from "vitest";
import {
  API_SINGLE_MAX_BYTES,
  checkUpload,
  PART_BYTES,
  partBytes,
  sendsInParts,
  singleMaxBytes,
} from "./limits";

const MB = 1024 * 1024;
const VERCEL = 4_500_000;

describe("upload limits", () => {
  it("sends up to the API's 512 MB in one request where no host caps bodies", () => {
    expect(singleMaxBytes(null)).toBe(API_SINGLE_MAX_BYTES);
    expect(checkUpload({ name: "big.pdf", size: 5 * MB }, "user_data", null, null)).toBeNull();
    expect(checkUpload({ name: "big.pdf", size: 500 * MB }, "evals", null, null)).toBeNull();
    expect(checkUpload({ name: "huge.pdf", size: 600 * MB }, "user_data", null, null)).toBe(
      "huge.pdf is 600 MB; files for user_data must fit one request, and the API takes at most 512 MB in one.",
    );
  });

  it("caps one request below the host's body limit (Vercel's 4.5 MB: 4 MiB) and quotes it", () => {
    expect(singleMaxBytes(VERCEL)).toBe(4 * MB);
    expect(checkUpload({ name: "a.pdf", size: 4 * MB }, "user_data", null, VERCEL)).toBeNull();
    const refused = checkUpload({ name: "big.pdf", size: 5 * MB }, "user_data", null, VERCEL);
    expect(refused).toContain("must fit one request");
    expect(refused).toContain("at most 4.0 MB");
  });

  it("sends purposes the Uploads API takes in parts past one part, whatever the host", () => {
    expect(sendsInParts(PART_BYTES, "assistants", null)).toBe(false);
    expect(sendsInParts(PART_BYTES + 1, "assistants", null)).toBe(true);
    expect(sendsInParts(100 * MB, "user_data", null)).toBe(false);
    expect(checkUpload({ name: "c.txt", size: 100 * MB }, "assistants", null, VERCEL)).toBeNull();
  });

  it("shrinks parts to fit a host limit under 4 MiB", () => {
    expect(partBytes(null)).toBe(PART_BYTES);
    expect(partBytes(VERCEL)).toBe(PART_BYTES);
    expect(partBytes(2 * MB)).toBe(MB);
    expect(partBytes(1 * MB)).toBe(MB - 64 * 1024);
    expect(sendsInParts(2 * MB, "vision", 2 * MB)).toBe(true);
  });
});
