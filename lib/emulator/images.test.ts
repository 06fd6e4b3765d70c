import { decode, encode } from "fast-png";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  emu.state.config.streamChunkDelayMs = 0;
});

/** A PNG of one colour; `alpha` adds an alpha channel, `hole` clears a square in its middle. */
function png(width: number, height: number, rgb = [200, 30, 60], alpha = false, hole = false): Buffer {
  const ch = alpha ? 4 : 3;
  const data = new Uint8Array(width * height * ch);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * ch;
      data.set(rgb, i);
      if (alpha) {
        const inHole =
          hole && x >= width / 4 && x < (width * 3) / 4 && y >= height / 4 && y < (height * 3) / 4;
        data[i + 3] = inHole ? 0 : 255;
      }
    }
  return Buffer.from(encode({ width, height, data, channels: ch, depth: 8 }));
}

const pixel = (img: ReturnType<typeof decode>, x: number, y: number) =>
  Array.from(img.data.slice((y * img.width + x) * img.channels, (y * img.width + x) * img.channels + 3));

async function error(p: Promise<unknown>) {
  const e = (await p.catch((x: unknown) => x)) as InstanceType<typeof OpenAI.APIError>;
  expect(e).toBeInstanceOf(OpenAI.APIError);
  return {
    status: e.status,
    ...(e.error as { param: string | null; code: string | null; type: string; message: string }),
  };
}

describe("emulator images", () => {
  it("generates PNGs of the requested size, deterministic from the prompt, with usage and rate headers", async () => {
    const { data: r, response } = await client.images
      .generate({
        model: "gpt-image-2",
        prompt: "a red fox in the snow at dawn, watercolour style",
        size: "1536x1024",
      })
      .withResponse();
    const img = decode(Buffer.from(r.data?.[0]?.b64_json ?? "", "base64"));
    expect([img.width, img.height]).toEqual([1536, 1024]);
    expect(r.size).toBe("1536x1024");
    expect(r.usage?.output_tokens).toBeGreaterThan(0);
    expect(r.usage?.input_tokens_details.text_tokens).toBeGreaterThan(0);
    expect(r.data?.[0]?.revised_prompt).toBeUndefined();
    expect(response.headers.get("x-ratelimit-limit-images")).toBe("50");
    expect(response.headers.get("x-ratelimit-remaining-images")).toBe("49");
    expect(response.headers.get("x-ratelimit-remaining-requests")).toMatch(/^\d+$/);
    const again = await client.images.generate({
      model: "gpt-image-2",
      prompt: "a red fox in the snow at dawn, watercolour style",
      size: "1536x1024",
    });
    expect(again.data?.[0]?.b64_json).toBe(r.data?.[0]?.b64_json);
    const other = await client.images.generate({
      model: "gpt-image-2",
      prompt: "a blue whale",
      size: "1536x1024",
      n: 2,
    });
    expect(other.data).toHaveLength(2);
    expect(other.data?.[0]?.b64_json).not.toBe(r.data?.[0]?.b64_json);
    expect(other.data?.[0]?.b64_json).not.toBe(other.data?.[1]?.b64_json);
    // A short prompt comes back expanded.
    expect(other.data?.[0]?.revised_prompt).toContain("a blue whale");
  });

  it("auto is 1024x1024 and gpt-image-2 takes any WxH within the rule", async () => {
    const auto = await client.images.generate({ model: "gpt-image-2", prompt: "x" });
    expect(decode(Buffer.from(auto.data?.[0]?.b64_json ?? "", "base64")).width).toBe(1024);
    const wide = await client.images.generate({
      model: "gpt-image-2",
      prompt: "x",
      size: "480x160" as "auto",
    });
    const w = decode(Buffer.from(wide.data?.[0]?.b64_json ?? "", "base64"));
    expect([w.width, w.height]).toEqual([480, 160]);
  });

  it.each([
    [{ size: "1000x1000" }, "size", /multiples of 16/],
    [{ size: "4000x1024" }, "size", /aspect|largest/],
    [{ size: "3840x2176" }, "size", /largest/],
    [{ quality: "ultra" }, "quality", /Supported values/],
    [{ n: 11 }, "n", /maximum value/],
    [{ background: "transparent", output_format: "jpeg" }, "background", /jpeg/],
    [{ output_compression: 50 }, "output_compression", /jpeg/],
    [{ output_format: "gif" }, "output_format", /Supported values/],
    [{ partial_images: 4, stream: true }, "partial_images", /maximum value/],
    [{ prompt: "x".repeat(32_001) }, "prompt", /maximum length 32000/],
  ])("refuses %o naming the parameter", async (extra, param, message) => {
    const e = await error(client.images.generate({ model: "gpt-image-2", prompt: "p", ...extra } as never));
    expect(e.status).toBe(400);
    expect(e.param).toBe(param);
    expect(e.message).toMatch(message);
  });

  it("knows the older models' rules", async () => {
    expect((await error(client.images.generate({ model: "dall-e-2", prompt: "x".repeat(1001) }))).param).toBe(
      "prompt",
    );
    expect(
      (await error(client.images.generate({ model: "dall-e-2", prompt: "x", size: "1536x1024" }))).param,
    ).toBe("size");
    expect(
      (await error(client.images.generate({ model: "dall-e-2", prompt: "x", background: "opaque" }))).code,
    ).toBe("unknown_parameter");
    const q = await client.images.generate({
      model: "gpt-image-2.5-flare",
      prompt: "x",
      quality: "xhigh" as "high",
    });
    expect(q.quality).toBe("xhigh");
    const gif = await client.images.generate({
      model: "gpt-image-2.6-sunburst",
      prompt: "x",
      output_format: "gif" as "png",
    });
    expect(gif.output_format).toBe("gif");
  });

  it("refuses a [[blocked]] prompt as moderation does", async () => {
    const e = await error(client.images.generate({ model: "gpt-image-2", prompt: "a [[blocked]] thing" }));
    expect(e).toMatchObject({ status: 400, type: "image_generation_user_error", code: "moderation_blocked" });
    expect(e.message).toMatch(/safety system/);
  });

  it("streams partial images then a completed event with usage", async () => {
    const stream = await client.images.generate({
      model: "gpt-image-2",
      prompt: "stream me",
      stream: true,
      partial_images: 2,
      size: "256x256" as "auto",
    });
    const events = [];
    for await (const ev of stream) events.push(ev);
    expect(events.map((e) => e.type)).toEqual([
      "image_generation.partial_image",
      "image_generation.partial_image",
      "image_generation.completed",
    ]);
    const done = events.at(-1) as OpenAI.Images.ImageGenCompletedEvent;
    expect(done.usage.output_tokens).toBeGreaterThan(0);
    expect(decode(Buffer.from(done.b64_json, "base64")).width).toBe(256);
  });

  it("edits with an image and a mask: the input's size, every pixel changed, the mask's area apart", async () => {
    const image = png(64, 32);
    const mask = png(64, 32, [0, 0, 0], true, true);
    const r = await client.images.edit({
      model: "gpt-image-2",
      prompt: "make it blue",
      image: await toFile(image, "in.png", { type: "image/png" }),
      mask: await toFile(mask, "mask.png", { type: "image/png" }),
    });
    const out = decode(Buffer.from(r.data?.[0]?.b64_json ?? "", "base64"));
    expect([out.width, out.height]).toEqual([64, 32]);
    const src = [200, 30, 60];
    for (const [x, y] of [
      [0, 0],
      [63, 31],
      [32, 16],
      [20, 10],
    ] as const) {
      const p = pixel(out, x, y);
      for (let c = 0; c < 3; c++) {
        const d = Math.abs((p[c] ?? 0) - (src[c] ?? 0));
        expect(Math.min(d, 256 - d)).toBeGreaterThanOrEqual(48);
      }
    }
    expect(pixel(out, 32, 16)).not.toEqual(pixel(out, 0, 0));
    expect(pixel(out, 1, 1)).toEqual(pixel(out, 0, 0));
    // The request log keeps the parts, so a test can decode the mask that arrived.
    const logged = emu.state.log.find((l) => l.path === "/v1/images/edits");
    const part = logged?.parts?.find((p) => p.field === "mask");
    expect(Buffer.from(part?.base64 ?? "", "base64").equals(mask)).toBe(true);
    expect(logged?.fields?.model).toBe("gpt-image-2");
  });

  it("refuses a mask without alpha, of another size, and too many or odd inputs", async () => {
    const image = await toFile(png(32, 32), "in.png", { type: "image/png" });
    const noAlpha = await error(
      client.images.edit({
        model: "gpt-image-2",
        prompt: "x",
        image,
        mask: await toFile(png(32, 32), "m.png"),
      }),
    );
    expect(noAlpha).toMatchObject({ param: "mask", code: "invalid_image_file" });
    const size = await error(
      client.images.edit({
        model: "gpt-image-2",
        prompt: "x",
        image,
        mask: await toFile(png(16, 16, [0, 0, 0], true), "m.png"),
      }),
    );
    expect(size).toMatchObject({ param: "mask", code: "invalid_image_dimensions" });
    const many = await Promise.all(Array.from({ length: 17 }, (_, i) => toFile(png(8, 8), `${i}.png`)));
    expect((await error(client.images.edit({ model: "gpt-image-2", prompt: "x", image: many }))).code).toBe(
      "array_above_max_length",
    );
    const text = await error(
      client.images.edit({
        model: "gpt-image-2",
        prompt: "x",
        image: await toFile(Buffer.from("hello"), "a.png"),
      }),
    );
    expect(text).toMatchObject({ param: "image", code: "invalid_image_format" });
    const fidelity = await error(
      client.images.edit({ model: "gpt-image-2", prompt: "x", image, input_fidelity: "high" }),
    );
    expect(fidelity.param).toBe("input_fidelity");
  });

  it("takes repeated image[] parts and the JSON form with file ids and data URLs", async () => {
    const two = await client.images.edit({
      model: "gpt-image-2",
      prompt: "combine",
      image: [await toFile(png(48, 16), "a.png"), await toFile(png(16, 16), "b.png")],
      size: "1024x1024",
    });
    expect(decode(Buffer.from(two.data?.[0]?.b64_json ?? "", "base64")).width).toBe(1024);
    const file = await client.files.create({ file: await toFile(png(40, 24), "in.png"), purpose: "vision" });
    const mask = png(40, 24, [0, 0, 0], true, true);
    const res = await fetch(`${emu.url}/images/edits`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "gpt-image-2",
        prompt: "json edit",
        images: [{ file_id: file.id }],
        mask: { image_url: `data:image/png;base64,${mask.toString("base64")}` },
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as OpenAI.ImagesResponse;
    expect(decode(Buffer.from(body.data?.[0]?.b64_json ?? "", "base64")).width).toBe(40);
    expect(body.usage?.input_tokens_details.image_tokens).toBeGreaterThan(0);
  });

  it("streams an edit as image_edit events", async () => {
    const stream = await client.images.edit({
      model: "gpt-image-2",
      prompt: "s",
      image: await toFile(png(32, 32), "a.png"),
      stream: true,
      partial_images: 1,
    });
    const types = [];
    for await (const ev of stream) types.push(ev.type);
    expect(types).toEqual(["image_edit.partial_image", "image_edit.completed"]);
  });

  it("serves variations for dall-e-2 only, and lists it with its shutdown date", async () => {
    const models = await client.models.list();
    const dalle = models.data.find((m) => m.id === "dall-e-2") as { shutdown_date?: string } | undefined;
    expect(dalle?.shutdown_date).toBe("2026-05-12");
    expect(models.data.map((m) => m.id)).toEqual(
      expect.arrayContaining(["gpt-image-2", "gpt-image-2.5-flare", "gpt-image-2.6-sunburst"]),
    );
    const v = await client.images.createVariation({
      model: "dall-e-2",
      image: await toFile(png(32, 32), "a.png"),
      size: "256x256",
      response_format: "b64_json",
    });
    expect(decode(Buffer.from(v.data?.[0]?.b64_json ?? "", "base64")).width).toBe(256);
    const e = await error(
      client.images.createVariation({
        model: "gpt-image-2" as "dall-e-2",
        image: await toFile(png(32, 32), "a.png"),
      }),
    );
    expect(e.param).toBe("model");
  });

  it("pads answers to a configured base64 size for the benchmark, still a valid PNG", async () => {
    emu.state.config.imageB64Bytes = 2_000_000;
    const r = await client.images.generate({ model: "gpt-image-2", prompt: "big", size: "1024x1024" });
    const b64 = r.data?.[0]?.b64_json ?? "";
    expect(Math.abs(b64.length - 2_000_000)).toBeLessThan(100);
    expect(decode(Buffer.from(b64, "base64")).width).toBe(1024);
  });
});
