/**
 * A validation run over a JSONL file fed line by line: the issues (capped; counts stay exact),
 * token counts per example, the epochs the API would pick, billed tokens and cost, and line hashes
 * for the train/validation overlap check. Pure: the worker feeds it; tests feed it strings.
 */
import { estimateChatTokens } from "@/lib/tokens/chat-overhead";
import { checkExample, conversationsOf, type IssueKind, type Severity, type TrainingMethod } from "./checks";

export const MIN_EXAMPLES = 10;
export const DEFAULT_MAX_ISSUES = 500;
export const MAX_HASHED_LINES = 5_000_000;
/** Far above any real example (the largest context is about 1M tokens, ~4 MB of text). */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** Why a line could not be read as text: past MAX_LINE_BYTES, or not UTF-8. */
export type LineProblem = "line_too_long" | "invalid_utf8";

export interface LineIssue {
  /** 1-based; null for an issue of the whole file. */
  line: number | null;
  /** Byte offset of the line's start, so a page can show it and its neighbours. */
  offset: number | null;
  kind: IssueKind;
  severity: Severity;
  message: string;
}

export interface ValidationOptions {
  method: TrainingMethod;
  /** The base model's per-example limit (catalogue `fineTuning.trainingContextTokens`). */
  contextTokens: number;
  /** USD per 1M trained tokens; null: no price. */
  trainingPrice: number | null;
  /** Counts tokens of a text in the model's encoding. */
  count: (text: string) => number;
  maxIssues?: number;
  /** Fewest examples before `too_few_examples` (10 for a training file, 1 for a validation file). */
  minExamples?: number;
  /** The training file's line hashes, when this is the validation file. */
  trainingHashes?: ReadonlySet<number>;
  /** Lines hashed for the overlap check (a V8 Set holds at most 2^24 entries). */
  maxHashedLines?: number;
}

export interface ValidationReport {
  lines: number;
  examples: number;
  blankLines: number;
  errorCount: number;
  warningCount: number;
  countsByKind: Partial<Record<IssueKind, number>>;
  /** The first `maxIssues` issues, in line order. */
  issues: LineIssue[];
  issuesTruncated: boolean;
  tokens: { total: number; min: number; max: number; mean: number; overLimit: number };
  /** Tokens per example, in order (for a histogram or a per-line look-up); transferable. */
  perExample: Float64Array;
  /** The epochs `auto` would pick (cookbook heuristic; unverified against the server). */
  epochs: number;
  /** Tokens billed per epoch: each example up to the context limit. */
  billedTokensPerEpoch: number;
  billedTokens: number;
  /** USD; null when the model has no per-token training price. */
  cost: number | null;
  overlap: number;
}

/**
 * The OpenAI cookbook's default: 3 epochs, scaled so examples × epochs lands in 100–25,000, within
 * 1–25 epochs. (The reference notes say "target 5"; the cookbook's code says 3; the server's real
 * choice is unverified.)
 */
export function autoEpochs(examples: number): number {
  if (examples <= 0) return 0;
  const target = 3;
  if (examples * target < 100) return Math.min(25, Math.floor(100 / examples));
  if (examples * target > 25_000) return Math.max(1, Math.floor(25_000 / examples));
  return target;
}

export function trainingCost(billedTokens: number, pricePerMillion: number | null): number | null {
  return pricePerMillion === null ? null : (billedTokens * pricePerMillion) / 1_000_000;
}

/** cyrb53: a fast 53-bit string hash; collisions across a few million lines are negligible. */
export function hashLine(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const PROBLEMS: Record<LineProblem, string> = {
  line_too_long: `Longer than ${MAX_LINE_BYTES / 1024 / 1024} MB, so it was not read; no real example is this long.`,
  invalid_utf8: "Not valid UTF-8 text; the API needs the file encoded as UTF-8.",
};

export class ValidationRun {
  readonly hashes = new Set<number>();
  private lineNo = 0;
  private blank = 0;
  private issues: LineIssue[] = [];
  private truncated = false;
  private errors = 0;
  private warnings = 0;
  private readonly byKind: Partial<Record<IssueKind, number>> = {};
  private perExample = new Float64Array(1024);
  private examples = 0;
  private overLimit = 0;
  private overlap = 0;
  private readonly maxIssues: number;
  private hashSkipped = false;

  constructor(private readonly options: ValidationOptions) {
    this.maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
  }

  private addTokens(tokens: number): void {
    if (this.examples === this.perExample.length) {
      const grown = new Float64Array(this.perExample.length * 2);
      grown.set(this.perExample);
      this.perExample = grown;
    }
    this.perExample[this.examples++] = tokens;
  }

  private report(issue: LineIssue): void {
    this.byKind[issue.kind] = (this.byKind[issue.kind] ?? 0) + 1;
    if (issue.severity === "error") this.errors++;
    else this.warnings++;
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
    else this.truncated = true;
  }

  /**
   * One line of the file, without its line break; `offset` is the byte offset of its start;
   * `problem` when the splitter could not give its text.
   */
  addLine(raw: string, offset: number, problem?: LineProblem): void {
    const line = ++this.lineNo;
    if (problem) {
      this.report({ line, offset, kind: problem, severity: "error", message: PROBLEMS[problem] });
      this.addTokens(0);
      return;
    }
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() === "") {
      this.blank++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const detail = e instanceof Error ? e.message : "";
      this.report({
        line,
        offset,
        kind: "invalid_json",
        severity: "error",
        message: `Not valid JSON${detail ? ` (${detail})` : ""}. Each line must be one whole JSON object.`,
      });
      this.addTokens(0);
      return;
    }
    const { method, count, contextTokens, trainingHashes } = this.options;
    let tokens = 0;
    try {
      for (const i of checkExample(value, method)) this.report({ line, offset, ...i });
      for (const c of conversationsOf(value, method))
        tokens += estimateChatTokens(c.messages, c.tools, count).total;
    } catch (e) {
      // A hostile line (a schema nested thousands deep, a value whose toString throws) is this
      // line's error, not the end of the whole run.
      const detail = e instanceof Error ? e.message : "";
      this.report({
        line,
        offset,
        kind: "data_type",
        severity: "error",
        message: `This example could not be read${detail ? `: ${detail}` : ""}.`,
      });
      this.addTokens(0);
      return;
    }
    this.addTokens(tokens);
    if (tokens > contextTokens) {
      this.overLimit++;
      this.report({
        line,
        offset,
        kind: "too_long",
        severity: "warning",
        message: `About ${tokens.toLocaleString("en-US")} tokens, over the model's ${contextTokens.toLocaleString("en-US")} per example; training truncates it from the end.`,
      });
    }
    const hash = hashLine(text.trim());
    if (this.hashes.size < (this.options.maxHashedLines ?? MAX_HASHED_LINES)) this.hashes.add(hash);
    else this.hashSkipped = true;
    if (trainingHashes?.has(hash)) {
      this.overlap++;
      this.report({
        line,
        offset,
        kind: "overlap",
        severity: "warning",
        message:
          "This example is also in the training file, so validation overstates how well it generalises.",
      });
    }
  }

  finish(): ValidationReport {
    const examples = this.examples;
    const perExample = this.perExample.slice(0, examples);
    const min = this.options.minExamples ?? MIN_EXAMPLES;
    if (this.hashSkipped)
      this.report({
        line: null,
        offset: null,
        kind: "overlap",
        severity: "warning",
        message: `Over ${(this.options.maxHashedLines ?? MAX_HASHED_LINES).toLocaleString("en-US")} examples: the train/validation overlap check covers only the first ones.`,
      });
    if (examples < min)
      this.report({
        line: null,
        offset: null,
        kind: "too_few_examples",
        severity: "error",
        message: `${examples} example${examples === 1 ? "" : "s"}; the API needs at least ${min}${min === MIN_EXAMPLES ? " (50–100 is a better start)" : ""}.`,
      });
    const limit = this.options.contextTokens;
    let total = 0;
    let billedPerEpoch = 0;
    let least = Number.POSITIVE_INFINITY;
    let most = 0;
    for (const t of perExample) {
      total += t;
      billedPerEpoch += Math.min(t, limit);
      least = Math.min(least, t);
      most = Math.max(most, t);
    }
    const epochs = autoEpochs(examples);
    const billed = billedPerEpoch * epochs;
    const issues = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return {
      lines: this.lineNo,
      examples,
      blankLines: this.blank,
      errorCount: this.errors,
      warningCount: this.warnings,
      countsByKind: { ...this.byKind },
      issues,
      issuesTruncated: this.truncated,
      tokens: {
        total,
        min: examples ? least : 0,
        max: examples ? most : 0,
        mean: examples ? total / examples : 0,
        overLimit: this.overLimit,
      },
      perExample,
      epochs,
      billedTokensPerEpoch: billedPerEpoch,
      billedTokens: billed,
      cost: trainingCost(billed, this.options.trainingPrice),
      overlap: this.overlap,
    };
  }
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream fed in chunks into lines, with the byte offset of each line's start (offsets
 * count the raw bytes, so a BOM or an invalid byte does not shift them). Only the new chunk is
 * searched for a line break and a pending line is kept as pieces, so a long line costs linear time;
 * past `maxLineBytes` its bytes are dropped up to the next line break and it is reported as too long.
 */
export class LineSplitter {
  private pieces: Uint8Array[] = [];
  private pendingBytes = 0;
  private lineStart = 0;
  private skipping = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  constructor(
    private readonly onLine: (line: string, offset: number, problem?: LineProblem) => void,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      this.take(chunk.subarray(start, nl));
      this.emit();
      this.lineStart++;
      start = nl + 1;
    }
    this.take(chunk.subarray(start));
  }

  end(): void {
    if (this.pendingBytes > 0) this.emit();
  }

  private take(part: Uint8Array): void {
    if (part.length === 0) return;
    this.pendingBytes += part.length;
    if (this.skipping) return;
    if (this.pendingBytes > this.maxLineBytes) {
      this.skipping = true;
      this.pieces = [];
      return;
    }
    this.pieces.push(part);
  }

  private emit(): void {
    const offset = this.lineStart;
    this.lineStart += this.pendingBytes;
    const { pieces, skipping } = this;
    this.pieces = [];
    this.pendingBytes = 0;
    this.skipping = false;
    if (skipping) {
      this.onLine("", offset, "line_too_long");
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode(pieces.length === 1 ? pieces[0] : concat(pieces));
    } catch {
      this.onLine("", offset, "invalid_utf8");
      return;
    }
    // The BOM is part of the first line's bytes (its offset stays 0) but not of its text.
    this.onLine(offset === 0 && text.startsWith("\uFEFF") ? text.slice(1) : text, offset);
  }
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
