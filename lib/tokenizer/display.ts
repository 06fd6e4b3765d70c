/**
 * How the token view draws characters: whitespace and invisible characters get visible stand-ins
 * (· → ↵ and labels such as ZWJ), and each glyph has a width in monospace columns, which the row
 * layout (`layout.ts`) uses to wrap the text without measuring the DOM.
 *
 * Whether a character is drawn as itself can depend on its segment: a zero-width joiner inside a
 * segment (👩‍💻 in one token run) stays a joiner, so the emoji shows whole; at a segment's edge it
 * would be invisible, so it shows as a label. Layout and rendering both call `glyphAt`, so they agree.
 */

/** Drawn as itself, a whitespace stand-in (muted), or a label for an invisible character (boxed). */
export type GlyphKind = "text" | "ws" | "label";

export interface Glyph {
  /** What to draw. */
  glyph: string;
  kind: GlyphKind;
  /** Monospace columns the glyph takes. */
  width: number;
  /** UTF-16 units of the text it stands for. */
  units: number;
}

const Cls = { Normal: 0, Wide: 1, Mark: 2, Format: 3, Selector: 4, Space: 5, Control: 6 } as const;
type Cls = (typeof Cls)[keyof typeof Cls];

const MARK = /\p{M}/u;
const FORMAT = /\p{Cf}/u;
const SPACE = /\p{Zs}|[\u2028\u2029]/u;
const CONTROL = /\p{Cc}/u;
const cache = new Map<number, Cls>();

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1f900 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function classify(cp: number): Cls {
  let c = cache.get(cp);
  if (c !== undefined) return c;
  const ch = String.fromCodePoint(cp);
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) c = Cls.Selector;
  else if (cp >= 0x1f3fb && cp <= 0x1f3ff)
    c = Cls.Wide; // skin tones show as swatches on their own
  else if (MARK.test(ch)) c = Cls.Mark;
  else if (FORMAT.test(ch)) c = Cls.Format;
  else if (CONTROL.test(ch)) c = Cls.Control;
  else if (SPACE.test(ch)) c = Cls.Space;
  else c = isWide(cp) ? Cls.Wide : Cls.Normal;
  cache.set(cp, c);
  return c;
}

const LABELS: Record<number, string> = {
  8203: "ZWSP",
  8204: "ZWNJ",
  8205: "ZWJ",
  8288: "WJ",
  65279: "BOM",
  173: "SHY",
  8206: "LRM",
  8207: "RLM",
  1564: "ALM",
  8232: "LS",
  8233: "PS",
};

function hexLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

const label = (text: string, units: number): Glyph => ({
  glyph: text,
  kind: "label",
  width: text.length + 1,
  units,
});

const SPACE_GLYPH: Glyph = { glyph: "·", kind: "ws", width: 1, units: 1 };
const TAB_GLYPH: Glyph = { glyph: "→", kind: "ws", width: 1, units: 1 };
const NEWLINE_GLYPH: Glyph = { glyph: "↵", kind: "ws", width: 1, units: 1 };
const CR_GLYPH: Glyph = { glyph: "␍", kind: "ws", width: 1, units: 1 };

/**
 * The glyph for the character at `i`, which lies in the segment [segStart, segEnd). Lone surrogates
 * show as U+FFFD, which is what the tokenizer saw.
 */
export function glyphAt(text: string, i: number, segStart: number, segEnd: number): Glyph {
  const c = text.charCodeAt(i);
  if (c === 0x20) return SPACE_GLYPH;
  if (c === 0x0a) return NEWLINE_GLYPH;
  if (c === 0x09) return TAB_GLYPH;
  if (c === 0x0d) return CR_GLYPH;
  if (c > 0x20 && c < 0x7f) return { glyph: text[i] as string, kind: "text", width: 1, units: 1 };
  let cp = c;
  let units = 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      units = 2;
    } else return { glyph: "\ufffd", kind: "text", width: 1, units: 1 };
  } else if (c >= 0xdc00 && c <= 0xdfff) return { glyph: "\ufffd", kind: "text", width: 1, units: 1 };
  const ch = units === 2 ? text.slice(i, i + 2) : (text[i] as string);
  switch (classify(cp)) {
    case Cls.Normal:
      return { glyph: ch, kind: "text", width: 1, units };
    case Cls.Wide:
      return { glyph: ch, kind: "text", width: 2, units };
    case Cls.Mark:
      // A combining mark with nothing to sit on in its segment gets a dotted circle.
      return i === segStart
        ? { glyph: `\u25cc${ch}`, kind: "text", width: 1, units }
        : { glyph: ch, kind: "text", width: 0, units };
    case Cls.Selector:
      return i === segStart
        ? label(cp === 0xfe0f ? "VS16" : cp === 0xfe0e ? "VS15" : hexLabel(cp), units)
        : zero(ch, units);
    case Cls.Format:
      // A joiner between two characters of one segment joins them (👩‍💻); elsewhere it is shown.
      if (cp === 0x200d && i > segStart && i + 1 < segEnd) return zero(ch, units);
      if (cp >= 0xe0020 && cp <= 0xe007f && i > segStart) return zero(ch, units); // flag tags
      return label(LABELS[cp] ?? hexLabel(cp), units);
    case Cls.Space:
      return {
        glyph: cp === 0xa0 ? "⍽" : cp === 0x3000 ? "␣␣" : "␣",
        kind: "ws",
        width: cp === 0x3000 ? 2 : 1,
        units,
      };
    case Cls.Control:
      return {
        glyph: cp < 0x20 ? String.fromCharCode(0x2400 + cp) : cp === 0x7f ? "␡" : hexLabel(cp),
        kind: cp < 0x20 || cp === 0x7f ? "ws" : "label",
        width: cp < 0x20 || cp === 0x7f ? 1 : 7,
        units,
      };
  }
}

function zero(ch: string, units: number): Glyph {
  return { glyph: ch, kind: "text", width: 0, units };
}

/** A run of glyphs of one kind, as the view draws them: one text node or one styled span. */
export interface GlyphRun {
  kind: GlyphKind;
  text: string;
}

/** The glyphs of text[from, to), which lies in the segment [segStart, segEnd), merged into runs. */
export function glyphRuns(
  text: string,
  from: number,
  to: number,
  segStart: number,
  segEnd: number,
): GlyphRun[] {
  const runs: GlyphRun[] = [];
  let i = from;
  while (i < to) {
    const g = glyphAt(text, i, segStart, segEnd);
    const last = runs.at(-1);
    if (last && last.kind === g.kind && g.kind !== "label") last.text += g.glyph;
    else runs.push({ kind: g.kind, text: g.glyph });
    i += g.units;
  }
  return runs;
}
