import { describe, expect, it } from "vitest";
import { applyOverrides, resolveModel } from "./catalogue";
import {
  catalogueIds,
  familyOf,
  isShutDown,
  matchesQuery,
  OTHER_FAMILY,
  type PickerGroup,
  pickerGroups,
} from "./picker-groups";

// The emulator's list (lib/emulator/models.ts), as useModels resolves it.
const UPSTREAM = [
  resolveModel("gpt-5.1"),
  resolveModel("gpt-5-mini", { shutdown_date: "2026-12-11" }),
  resolveModel("gpt-4.1"),
  resolveModel("gpt-4o"),
  resolveModel("gpt-4o-mini"),
  resolveModel("gpt-4o-2024-05-13", { shutdown_date: "2026-10-23" }),
  resolveModel("o3"),
  resolveModel("o4-mini"),
  resolveModel("gpt-3.5-turbo-instruct"),
  resolveModel("omni-moderation-latest"),
  resolveModel("ft:gpt-4o-mini-2024-07-18:benchtop::emu12345"),
  resolveModel("llama-3-70b"),
];
const CATALOGUE = catalogueIds().map((id) => resolveModel(id));

const ids = (groups: PickerGroup[], family: string) =>
  groups.find((g) => g.family === family)?.items.map((i) => i.model.model);

describe("model picker groups", () => {
  it("names a family after its catalogue entry; an added model is its own", () => {
    expect(familyOf(resolveModel("gpt-4o-mini"))).toBe("GPT-4o");
    expect(familyOf(resolveModel("gpt-4o-2024-08-06"))).toBe("GPT-4o");
    expect(familyOf(resolveModel("gpt-3.5-turbo-instruct"))).toBe("GPT-3.5");
    expect(familyOf(resolveModel("gpt-5.1"))).toBe("GPT-5");
    expect(familyOf(resolveModel("o3-pro"))).toBe("o3");
    expect(familyOf(resolveModel("chatgpt-4o-latest"))).toBe("GPT-4o");
    expect(familyOf(resolveModel("gpt-oss-120b"))).toBe("gpt-oss");
    expect(familyOf(resolveModel("ft:gpt-4o-mini-2024-07-18:org::x"))).toBe("GPT-4o");
    expect(familyOf(resolveModel("llama-3-70b"))).toBe(OTHER_FAMILY);
    const added = applyOverrides(resolveModel("acme-2-large"), { "acme-2": { label: "Acme 2" } });
    expect(familyOf(added)).toBe("acme-2-large");
  });

  it("offers the catalogue's rows by name, not its bare prefixes", () => {
    expect(catalogueIds()).toContain("gpt-4.1-nano");
    expect(catalogueIds()).not.toContain("text-");
  });

  it("puts GPT families first, newest first, then the o-series, the rest, and unknown models last", () => {
    const families = pickerGroups({ upstream: UPSTREAM, catalogue: CATALOGUE, api: "responses" }).map(
      (g) => g.family,
    );
    expect(families.slice(0, 2)).toEqual(["GPT-5", "GPT-4o"]);
    expect(families.indexOf("GPT-4.1")).toBeLessThan(families.indexOf("GPT-4"));
    expect(families.indexOf("GPT-3.5")).toBeLessThan(families.indexOf("o4"));
    expect(families.filter((f) => /^o\d/.test(f))).toEqual(["o4", "o3", "o1"]);
    expect(families.at(-1)).toBe(OTHER_FAMILY);
  });

  it("lists the upstream's models first in a family, fine-tunes and shut-down models after, then catalogue-only ids", () => {
    const groups = pickerGroups({ upstream: UPSTREAM, catalogue: CATALOGUE, api: "responses" });
    expect(ids(groups, "GPT-4o")).toEqual([
      "gpt-4o",
      "gpt-4o-mini",
      "gpt-4o-2024-05-13",
      "ft:gpt-4o-mini-2024-07-18:benchtop::emu12345",
      "chatgpt-4o-latest",
    ]);
    expect(ids(groups, "GPT-5")).toEqual([
      "gpt-5.1",
      "gpt-5-mini",
      "gpt-5",
      "gpt-5-chat",
      "gpt-5-nano",
      "gpt-5-pro",
    ]);
    const gpt5 = groups.find((g) => g.family === "GPT-5")?.items ?? [];
    expect(gpt5.map((i) => i.listed)).toEqual([true, true, false, false, false, false]);
  });

  it("shows a model once, as the upstream lists it, with its shutdown date", () => {
    const groups = pickerGroups({ upstream: UPSTREAM, catalogue: CATALOGUE });
    const all = groups.flatMap((g) => g.items);
    expect(all.filter((i) => i.model.model === "gpt-5-mini")).toHaveLength(1);
    expect(all.find((i) => i.model.model === "gpt-5-mini")?.model.shutdownDate).toBe("2026-12-11");
  });

  it("keeps only models that speak the API, unknown ones always, and no retired catalogue rows", () => {
    const chat = pickerGroups({ upstream: UPSTREAM, catalogue: CATALOGUE, api: "chat" }).flatMap((g) =>
      g.items.map((i) => i.model.model),
    );
    expect(chat).not.toContain("gpt-3.5-turbo-instruct");
    expect(chat).not.toContain("o1-pro"); // Responses only
    expect(chat).not.toContain("omni-moderation-latest"); // Moderations only
    expect(chat).toContain("llama-3-70b");
    const completions = pickerGroups({ upstream: UPSTREAM, catalogue: CATALOGUE, api: "completions" });
    expect(ids(completions, "GPT-3.5")).toEqual(["gpt-3.5-turbo-instruct"]);
    expect(completions.flatMap((g) => g.items.map((i) => i.model.model))).not.toContain("davinci");
    // The tokenizer asks for no API: retired models and embeddings stay, for their encodings.
    const everything = pickerGroups({ upstream: UPSTREAM, catalogue: CATALOGUE }).flatMap((g) =>
      g.items.map((i) => i.model.model),
    );
    expect(everything).toEqual(
      expect.arrayContaining(["davinci", "text-davinci-003", "text-embedding-3-small"]),
    );
  });

  it("matches every typed word against the id, the name and the family", () => {
    const [item] = pickerGroups({ upstream: [resolveModel("gpt-4o-mini")], catalogue: [] })[0]?.items ?? [];
    if (!item) throw new Error("no item");
    expect(matchesQuery(item, "4o mini")).toBe(true);
    expect(matchesQuery(item, "GPT-4O")).toBe(true);
    expect(matchesQuery(item, "  mini  ")).toBe(true);
    expect(matchesQuery(item, "nano")).toBe(false);
  });

  it("tells a date still to come from one that has passed", () => {
    expect(isShutDown("2026-12-11", "2026-12-01")).toBe(false);
    expect(isShutDown("2026-10-23", "2026-12-01")).toBe(true);
    expect(isShutDown("2026-12-01", "2026-12-01")).toBe(true);
  });
});

describe("image models", () => {
  it("offers the catalogue's live image models and the upstream's image models on the images page", () => {
    const catalogue = catalogueIds("image").map((id) => resolveModel(id));
    const upstream = [
      resolveModel("gpt-image-2", { shutdown_date: null }),
      resolveModel("dall-e-2", { shutdown_date: "2026-05-12" }),
      resolveModel("gpt-4o"),
    ];
    const ids = pickerGroups({ upstream, catalogue, api: "images" }).flatMap((g) =>
      g.items.map((i) => i.model.model),
    );
    expect(ids).toContain("gpt-image-2");
    expect(ids).toContain("gpt-image-2.6-flare");
    expect(ids).toContain("dall-e-2");
    expect(ids).not.toContain("gpt-4o");
    expect(ids).not.toContain("gpt-image-1");
    expect(catalogueIds()).not.toContain("gpt-image-2");
  });
});
