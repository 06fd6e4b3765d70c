import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipBlob, zipEntryName } from "./zip";

describe("zipBlob", () => {
  it("holds every image byte for byte under its name", async () => {
    const a = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const b = new Uint8Array([255, 216, 255, 9, 8]);
    const seen: number[] = [];
    const blob = await zipBlob(
      [
        { name: "a.png", bytes: async () => a },
        { name: "b.jpg", bytes: async () => b },
      ],
      (n) => seen.push(n),
    );
    expect(blob.type).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["a.png", "b.jpg"]);
    expect(files["a.png"]).toEqual(a);
    expect(files["b.jpg"]).toEqual(b);
    expect(seen).toEqual([1, 2]);
  });
});

describe("zipEntryName", () => {
  it("names by prompt, else by upload name, always with the id and the format's extension", () => {
    expect(zipEntryName({ id: "img_1", prompt: "A Red Fox, in snow!", name: null, format: "png" })).toBe(
      "a-red-fox-in-snow-img_1.png",
    );
    expect(zipEntryName({ id: "img_2", prompt: null, name: "Cat photo.JPG", format: "jpeg" })).toBe(
      "cat-photo-img_2.jpg",
    );
    expect(zipEntryName({ id: "img_3", prompt: "!!!", name: null, format: "webp" })).toBe("image-img_3.webp");
  });
});
