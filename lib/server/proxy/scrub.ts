/**
 * Upstream error bodies may quote what they were sent. The key must not come back to the client in
 * any form: as is, JSON-escaped, percent- or base64-encoded, or split by white space, zero-width
 * characters or punctuation. Exact forms are masked in place; anything that still holds a long run of
 * the key is withheld whole, since it can no longer be cut out reliably.
 */

/** Long enough that no ordinary text matches by chance, short enough to catch a partial quote. */
const FRAGMENT = 12;

export interface Scrubbed {
  text: string;
  /** True when a disguised copy of a secret was found and the whole text was replaced. */
  withheld: boolean;
}

/** Shorter secrets (a local server's placeholder key) are still masked where they stand whole. */
const SHORTEST = 6;

export function scrubSecrets(text: string, secrets: string[], mask: (s: string) => string): Scrubbed {
  let out = text;
  for (const key of secrets.filter((s) => s.length >= SHORTEST)) {
    // Encodings of a short key are shorter still: only long enough ones are searched for.
    for (const form of encodedForms(key).filter((f) => f === key || f.length >= 8))
      out = out.split(form).join(mask(key));
  }
  // JSON escapes (`\u0073k-…`) hide a key from the plain search above: look at the decoded strings too.
  // Compared without case, so upper-case hex and `%XX` runs are caught like lower-case ones.
  const decoded = decodeJsonStrings(out);
  const haystacks = [out, decoded, squeeze(out), squeeze(decoded)].map((h) => h.toLowerCase());
  for (const key of secrets.filter((s) => s.length >= FRAGMENT)) {
    const fragments = encodedForms(key).flatMap((f) => windows(squeeze(f).toLowerCase()));
    if (haystacks.some((h) => fragments.some((f) => h.includes(f)))) return { text: "", withheld: true };
  }
  return { text: out, withheld: false };
}

function encodedForms(key: string): string[] {
  const forms = new Set([key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1)]);
  forms.add(Buffer.from(key).toString("hex"));
  // A key inside a larger base64 string sits at one of three byte alignments; the characters that
  // also encode neighbouring bytes (the start for an offset, the ragged end) are left out.
  for (const [pad, start] of [
    [0, 0],
    [1, 2],
    [2, 3],
  ] as const) {
    const b64 = Buffer.from("\0".repeat(pad) + key).toString("base64");
    const body = b64.slice(start, b64.length - 4);
    forms.add(body);
    forms.add(body.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Letters and digits only, so a key split by spaces, newlines, dashes or zero-width marks still shows. */
function squeeze(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, "");
}

function windows(s: string): string[] {
  if (s.length <= FRAGMENT) return [s];
  const out: string[] = [];
  for (let i = 0; i + FRAGMENT <= s.length; i++) out.push(s.slice(i, i + FRAGMENT));
  return out;
}

function decodeJsonStrings(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}
