import { describe, expect, it } from "vitest";
import { defaultSetup } from "./defaults";
import { readDraft, readPlaygroundSnapshot, readPresetState, withoutRemoteImages } from "./snapshot";

describe("readDraft", () => {
  it("accepts the default draft and fills what an older build did not save", () => {
    const setup = defaultSetup();
    expect(readDraft({ setup, columns: [], compare: false })).toEqual({
      ok: true,
      value: { setup, columns: [], compare: false },
    });
    const { params: _, builtinTools: __, ...older } = setup;
    const r = readDraft({ setup: { ...older, messages: [{ id: "m", role: "user", content: "hi" }] } });
    expect(r.ok && r.value.setup.params.stop).toEqual([]);
    expect(r.ok && r.value.setup.messages[0]?.images).toEqual([]);
  });

  it("treats a number JSON turned into null as unset", () => {
    const setup = defaultSetup();
    const r = readDraft({ setup: { ...setup, params: { ...setup.params, temperature: null } } });
    expect(r.ok && r.value.setup.params.temperature).toBeUndefined();
  });

  it("names the first path that does not parse", () => {
    const setup = defaultSetup();
    const r = readDraft({ setup: { ...setup, params: { ...setup.params, stop: "abc" } } });
    expect(r).toMatchObject({ ok: false, path: "setup.params.stop" });
    expect(readDraft("x")).toMatchObject({ ok: false, path: "" });
    expect(readPresetState({ setup: { ...setup, toolChoice: 5 } })).toMatchObject({
      ok: false,
      path: "setup.toolChoice",
    });
  });
});

describe("withoutRemoteImages", () => {
  it("keeps data: images and turns remote ones into text", () => {
    const setup = defaultSetup();
    const png = "data:image/png;base64,AAAA";
    setup.messages = [
      {
        id: "m",
        role: "user",
        content: "",
        images: [
          { id: "a", url: "https://pixel.example/p.gif", detail: "low", name: "p.gif" },
          { id: "b", url: png, detail: "auto" },
        ],
      },
    ];
    const r = readPlaygroundSnapshot({ version: 1, setup, compare: false, columns: [], outputs: {} });
    if (!r.ok) throw new Error(r.message);
    const m = withoutRemoteImages(r.value).setup.messages[0];
    expect(m?.images.map((i) => i.url)).toEqual([png]);
    expect(m?.omittedImages).toEqual([{ url: "https://pixel.example/p.gif", detail: "low", name: "p.gif" }]);
  });
});
