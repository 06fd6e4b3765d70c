/**
 * Incremental Server-Sent Events parser for the browser and Node. Bytes go in as they arrive; events
 * come out once their blank line has been seen. A multi-byte character split across chunks survives
 * (TextDecoder with `stream: true`), CRLF and CR line ends are accepted, `data:` lines are joined with
 * "\n", and comments (`:` lines) are skipped.
 */
export interface SseEvent {
  event: string | null;
  data: string;
  id: string | null;
}

export class SseParser {
  private decoder = new TextDecoder();
  private buffer = "";
  private event: string | null = null;
  private data: string[] = [];
  private id: string | null = null;

  push(chunk: Uint8Array | string): SseEvent[] {
    this.buffer += typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.drain(false);
  }

  /** Call at the end of the stream: a final event without its blank line is still delivered. */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    return this.drain(true);
  }

  private drain(final: boolean): SseEvent[] {
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      // A lone "\r" at the end may be the first half of "\r\n": wait for more unless the stream is done.
      if (!m || (m[0] === "\r" && m.index === this.buffer.length - 1 && !final)) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line, out);
    }
    if (final) {
      if (this.buffer) this.line(this.buffer, out);
      this.buffer = "";
      this.line("", out);
    }
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === "") {
      if (this.data.length) out.push({ event: this.event, data: this.data.join("\n"), id: this.id });
      this.event = null;
      this.data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id") this.id = value;
  }
}

/** Reads a fetch Response body as SSE events. */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const reader = body.getReader();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(value);
    }
    yield* parser.end();
  } finally {
    signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}
