import { get_encoding, type TiktokenEncoding } from "tiktoken";
import { expect, test } from "./fixtures";
import { TokenizerPage } from "./pages/tokenizer";

/** The issue's text: CRLF is id 370 and CR id 201 in o200k_base, where a plain newline is 198. */
const ISSUE_TEXT = "The quick brown fox\r\njumps over\rthe lazy dog.";
/** CR, CRLF, mixed line ends, tabs, trailing spaces, a ZWJ family and flags, in one text. */
const MIXED = "crlf\r\ncr\rlf\nmixed\n\r\r\n\ttab\t\ttrailing   \r\nfamily 👨‍👩‍👧 flags 🇫🇷🇯🇵\r\nend  ";

// Each test tokenizes several texts and switches views and encodings: more than the default minute
// on a loaded machine.
test.describe.configure({ timeout: 150_000 });

function expected(encoding: TiktokenEncoding, text: string): number[] {
  const enc = get_encoding(encoding);
  const ids = [...enc.encode(text)];
  enc.free();
  return ids;
}

test("the tokenizer counts the exact text: CR and CRLF kept when pasted, edited, reloaded and opened from a file", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();

  await tk.paste(ISSUE_TEXT);
  expect(await tk.tokens()).toBe(expected("o200k_base", ISSUE_TEXT).length);
  await expect(tk.stat("chars")).toHaveText(String([...ISSUE_TEXT].length));
  expect(await tk.idsShown()).toEqual(expected("o200k_base", ISSUE_TEXT));
  // CR is a visible mark in the box and in the token view.
  await expect(tk.textBox().locator(".cm-specialChar")).toHaveCount(2);
  await expect(tk.textBox().locator(".cm-specialChar").first()).toHaveText("␍");
  await expect(tk.view()).toContainText("␍");

  // An edit leaves the line ends alone.
  await tk.textBox().press("ControlOrMeta+End");
  await page.keyboard.type("!");
  await expect.poll(() => tk.idsShown()).toEqual(expected("o200k_base", `${ISSUE_TEXT}!`));

  // The draft keeps them across a reload.
  await page.reload();
  await expect.poll(() => tk.idsShown()).toEqual(expected("o200k_base", `${ISSUE_TEXT}!`));

  // Opened from a file: right at once, and still right after an edit.
  await page.getByTestId("open-file").setInputFiles({
    name: "crlf.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(MIXED, "utf8"),
  });
  await expect.poll(() => tk.idsShown()).toEqual(expected("o200k_base", MIXED));
  await tk.textBox().press("ControlOrMeta+Home");
  await page.keyboard.type("x");
  await expect.poll(() => tk.idsShown()).toEqual(expected("o200k_base", `x${MIXED}`));
  await expect(tk.stat("chars")).toHaveText(String([...`x${MIXED}`].length));
});

test("ids and counts match tiktoken for CR, tabs, trailing spaces, ZWJ emoji and flags in every encoding offered", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.paste(MIXED);
  const encodings = await page
    .getByTestId("tokenizer-encoding")
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(encodings).toContain("cl100k_base");
  for (const encoding of encodings) {
    await tk.encoding(encoding);
    // o200k_harmony is o200k_base's ranks plus special tokens, which this text has none of.
    const reference = (encoding === "o200k_harmony" ? "o200k_base" : encoding) as TiktokenEncoding;
    await expect.poll(() => tk.idsShown(), { message: encoding }).toEqual(expected(reference, MIXED));
    await expect(tk.stat("chars")).toHaveText(String([...MIXED].length));
  }
});

test("a share of text with CR keeps it, in the shared view and back in the tokenizer", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.paste(ISSUE_TEXT);
  const tokens = await tk.tokens();
  expect(tokens).toBe(expected("o200k_base", ISSUE_TEXT).length);
  await page.getByTestId("share-button").click();
  await page.getByTestId("create-share").click();
  const link = await page.getByTestId("share-link").inputValue();
  await page.keyboard.press("Escape");
  await page.goto(link);
  await expect(page.getByTestId("stat-tokens")).toHaveText(String(tokens));
  await expect(page.getByTestId("token-view")).toContainText("␍");
  await page.getByTestId("open-in-tokenizer").click();
  await page.getByRole("dialog").getByTestId("confirm-ok").click();
  await expect(page).toHaveURL(/\/tokenizer$/);
  await expect.poll(() => tk.idsShown()).toEqual(expected("o200k_base", ISSUE_TEXT));
});
