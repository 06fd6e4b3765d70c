import type { FileObject } from "openai/resources/files";
import type { Response as ResponseObject } from "openai/resources/responses/responses";
import type { Upload } from "openai/resources/uploads/uploads";
import type { StaticFileChunkingStrategy } from "openai/resources/vector-stores/vector-stores";

/** Everything the emulator remembers. In memory, reset by POST /__emulator/reset. */

export interface Fault {
  id: string;
  path?: string;
  method?: string;
  /** Remaining uses; 0 means until cleared. */
  times: number;
  kind: "status" | "slow_first_byte" | "break_stream" | "hang";
  status?: number;
  type?: string;
  code?: string;
  message?: string;
  retryAfter?: number;
  /** Matching requests to let through before the fault applies (e.g. 1 fails the second part). */
  skip?: number;
  delayMs?: number;
  afterChunks?: number;
}

/** A multipart file part as it arrived; `base64` is null past the log's size cap per part. */
export interface LoggedPart {
  field: string;
  filename: string;
  contentType: string | null;
  bytes: number;
  base64: string | null;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  bodyBytes: number;
  json: unknown;
  /** The body exactly as received (UTF-8), for JSON routes with bodies under 1 MB. */
  rawBody?: string;
  /** Multipart routes that log their parts (images): the text fields and each file part. */
  fields?: Record<string, string>;
  parts?: LoggedPart[];
  status: number;
  aborted: boolean;
  startedAt: number;
  endedAt: number | null;
}

export interface StoredFile {
  object: FileObject;
  /** Kept for files up to KEEP_BYTES; larger ones keep only their size and digest. */
  content: Buffer | null;
  sha256: string;
}

export interface StoredUpload {
  object: Upload;
  parts: Map<string, { bytes: number; content: Buffer | null }>;
  /** `expires_after.seconds` for the File that completing creates. */
  fileExpiresAfter: number | null;
}

export type Attributes = Record<string, string | number | boolean>;

/** A file attached to a vector store; its status is derived from the clock when read. */
export interface StoredVectorStoreFile {
  id: string;
  createdAt: number;
  /** On the millisecond clock (`nowMs`): processing ends then. */
  readyAtMs: number;
  /** Set when processing will fail (unsupported file). */
  failure: string | null;
  cancelled: boolean;
  attributes: Attributes | null;
  chunking: StaticFileChunkingStrategy;
  batchId: string | null;
}

export interface StoredVectorStore {
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
  lastActiveAt: number;
  expiresAfter: { anchor: "last_active_at"; days: number } | null;
  /** Sticky once the clock passes expires_at. */
  expired: boolean;
  metadata: Record<string, string> | null;
  files: Map<string, StoredVectorStoreFile>;
  batches: Map<string, { id: string; createdAt: number; cancelled: boolean }>;
}

export const KEEP_BYTES = 64 * 1024 * 1024;

export class EmulatorState {
  counters = new Map<string, number>();
  /** A fixed clock: every object created moves it one second on. */
  clock = 1_767_225_600; // 2026-01-01T00:00:00Z
  files = new Map<string, StoredFile>();
  uploads = new Map<string, StoredUpload>();
  responses = new Map<string, ResponseObject>();
  vectorStores = new Map<string, StoredVectorStore>();
  deletedModels = new Set<string>();
  faults: Fault[] = [];
  log: LoggedRequest[] = [];
  config = defaultConfig();
  /** Added to the wall clock by `advance`, so waiting work (vector-store processing) moves on too. */
  offsetMs = 0;
  rate: { windowStart: number; used: number; images?: number } = { windowStart: Date.now(), used: 0 };

  constructor(readonly apiKey: string) {}

  reset(): void {
    this.counters.clear();
    this.clock = 1_767_225_600;
    this.files.clear();
    this.uploads.clear();
    this.responses.clear();
    this.vectorStores.clear();
    this.deletedModels.clear();
    this.faults = [];
    this.log = [];
    this.config = defaultConfig();
    this.offsetMs = 0;
    this.rate = { windowStart: Date.now(), used: 0 };
  }

  /** Deterministic ids: `chatcmpl-emu000001`, `file-emu000002`… */
  id(prefix: string, sep = "-"): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${sep}emu${String(n).padStart(6, "0")}`;
  }

  now(): number {
    this.clock += 1;
    return this.clock;
  }

  /** Milliseconds for processing delays: the wall clock plus every `advance`. */
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves both clocks forward (POST /__emulator/clock). */
  advance(seconds: number): void {
    this.clock += seconds;
    this.offsetMs += seconds * 1000;
  }

  requestId(): string {
    const n = (this.counters.get("req") ?? 0) + 1;
    this.counters.set("req", n);
    return `req_${n.toString(16).padStart(32, "0")}`;
  }

  /** The first fault matching this request, used up if it has a count. */
  takeFault(method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex(
      (f) => (!f.path || path.startsWith(f.path)) && (!f.method || f.method.toUpperCase() === method),
    );
    const f = this.faults[i];
    if (!f) return undefined;
    if (f.skip) {
      f.skip -= 1;
      return undefined;
    }
    if (f.times > 0 && --f.times === 0) this.faults.splice(i, 1);
    return f;
  }

  record(entry: LoggedRequest): void {
    this.log.push(entry);
    if (this.log.length > 200) this.log.shift();
  }
}

function defaultConfig() {
  return {
    streamChunkDelayMs: 5,
    streamChunks: undefined as number | undefined,
    /** How long a file attached to a vector store stays in_progress. */
    vectorStoreProcessingMs: 300,
    /** Test control: serve file content with these headers instead of the real API's, to check the proxy. */
    fileContentType: undefined as string | undefined,
    fileContentDisposition: undefined as string | undefined,
    /** Benchmarks: pad each image answer so its base64 is about this many characters (0: no padding). */
    imageB64Bytes: undefined as number | undefined,
  };
}
