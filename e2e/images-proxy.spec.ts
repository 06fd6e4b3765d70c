import { decode, encode } from "fast-png";
import OpenAI, { toFile } from "openai";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";

// The official SDK's image calls through Benchtop with a personal token, as a teammate's script
// would make them; the ledger (read with the ops CLI) keeps the model, tokens and image count.
let client: OpenAI;

test.beforeAll(() => {
  const token = cli("token:create", "--email", E2E.admin.email, "--name", "images-e2e");
  client = new OpenAI({
    apiKey: token,
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
    fetch: freshFetch,
  });
});

interface LedgerRow {
  model: string | null;
  status: number;
  stream: boolean;
  tokenId: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  images: number | null;
}

function lastLedger(path: string): LedgerRow {
  const out = JSON.parse(cli("ledger:recent", "--path", path, "--limit", "1", "--json")) as {
    entries: LedgerRow[];
  };
  const row = out.entries[0];
  if (!row) throw new Error(`no ledger entry for ${path}`);
  return row;
}

/** An opaque PNG of one colour. */
function photo(width: number, height: number): Buffer {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set([30, 120, 200], i);
  return Buffer.from(encode({ width, height, data, channels: 3, depth: 8 }));
}

/** A mask: alpha 0 (edit here) in the left half, 255 elsewhere. */
function leftHalfMask(width: number, height: number): Buffer {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[(y * width + x) * 4 + 3] = x < width / 2 ? 0 : 255;
  return Buffer.from(encode({ width, height, data, channels: 4, depth: 8 }));
}

test("images.generate returns a PNG of the size asked, and the ledger has model, tokens and images", async () => {
  const r = await client.images.generate({
    model: "gpt-image-2",
    prompt: "a lighthouse at dusk",
    size: "1024x1536",
  });
  const png = decode(Buffer.from(r.data?.[0]?.b64_json ?? "", "base64"));
  expect([png.width, png.height]).toEqual([1024, 1536]);
  expect(r.usage?.output_tokens).toBeGreaterThan(0);
  await expect
    .poll(() => lastLedger("/v1/images/generations"))
    .toMatchObject({
      model: "gpt-image-2",
      status: 200,
      stream: false,
      inputTokens: r.usage?.input_tokens,
      outputTokens: r.usage?.output_tokens,
      images: 1,
    });
  expect(lastLedger("/v1/images/generations").tokenId).not.toBeNull();
  // The image rate-limit headers reached the limits data.
  const limits = JSON.parse(cli("limits:latest", "--model", "gpt-image-2", "--json")) as {
    limits: { kind: string; limit: number | null }[];
  };
  expect(limits.limits.find((l) => l.kind === "images")?.limit).toBe(50);
});

test("a streamed generation delivers partial images, then the completed one with usage", async () => {
  const stream = await client.images.generate({
    model: "gpt-image-2",
    prompt: "a streamed lighthouse",
    size: "1024x1024",
    stream: true,
    partial_images: 2,
  });
  const types: string[] = [];
  let usage: OpenAI.Images.ImageGenCompletedEvent["usage"] | undefined;
  for await (const ev of stream) {
    types.push(ev.type);
    if (ev.type === "image_generation.completed") usage = ev.usage;
  }
  expect(types).toEqual([
    "image_generation.partial_image",
    "image_generation.partial_image",
    "image_generation.completed",
  ]);
  await expect
    .poll(() => lastLedger("/v1/images/generations"))
    .toMatchObject({ model: "gpt-image-2", stream: true, images: 1, outputTokens: usage?.output_tokens });
});

test("images.edit with an image and a mask: the mask arrives intact and the ledger has the model", async () => {
  const image = photo(64, 48);
  const mask = leftHalfMask(64, 48);
  const r = await client.images.edit({
    model: "gpt-image-2.5-flare",
    prompt: "turn the left half into a sunset",
    image: await toFile(image, "photo.png", { type: "image/png" }),
    mask: await toFile(mask, "mask.png", { type: "image/png" }),
  });
  const out = decode(Buffer.from(r.data?.[0]?.b64_json ?? "", "base64"));
  expect([out.width, out.height]).toEqual([64, 48]);

  // What the upstream received, decoded pixel by pixel: the same mask, through the proxy untouched.
  const part = await emulator.lastPart("/v1/images/edits", "mask");
  expect(part.filename).toBe("mask.png");
  expect(part.content.equals(mask)).toBe(true);
  const arrived = decode(part.content);
  expect(arrived.channels).toBe(4);
  expect(arrived.data[3]).toBe(0);
  expect(arrived.data[(64 - 1) * 4 + 3]).toBe(255);

  await expect
    .poll(() => lastLedger("/v1/images/edits"))
    .toMatchObject({
      model: "gpt-image-2.5-flare",
      status: 200,
      images: 1,
      outputTokens: r.usage?.output_tokens,
    });
});

test("a refused prompt comes back as OpenAI's moderation error", async () => {
  const err = (await client.images
    .generate({ model: "gpt-image-2", prompt: "something [[blocked]]" })
    .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
  expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  expect(err.code).toBe("moderation_blocked");
  expect(err.type).toBe("image_generation_user_error");
});
