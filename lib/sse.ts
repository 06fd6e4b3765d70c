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
    const buf = this.buffer;
    let start = 0;
    // indexOf per line and one cut of the buffer per chunk (no regex, no slice of the rest per
    // line): the proxy's usage sniffer runs this on every byte it forwards.
    for (let cr = buf.indexOf("\r"); ; ) {
      if (cr !== -1 && cr < start) cr = buf.indexOf("\r", start);
      const nl = buf.indexOf("\n", start);
      const end = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl;
      // A lone "\r" at the end may be the first half of "\r\n": wait for more unless the stream is done.
      if (end === -1 || (end === cr && end === buf.length - 1 && !final)) break;
      this.line(buf.slice(start, end), out);
      start = end === cr && nl === cr + 1 ? cr + 2 : end + 1;
    }
    this.buffer = buf.slice(start);
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
