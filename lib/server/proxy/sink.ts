import type { ServerResponse } from "node:http";

/**
 * Where a streamed answer's bytes go. forward.ts holds the streaming logic once (each upstream chunk
 * written as it arrives, backpressure, idle timeout, the held-back last chunk of a create, the SSE
 * error event on an interruption) and writes to a sink: straight to the Node response in the
 * production entry (node.ts), or into a web ReadableStream for a route handler's Response.
 */
export interface Sink {
  /** Writes one chunk; false when the client is full: the answer pauses until `resume()`. */
  write(chunk: Buffer): boolean;
  /** The answer is complete. */
  end(): void;
  /** The answer broke off (a non-SSE body cut short): the client must see it fail, not end. */
  fail(message: string): void;
}

/** A successful answer whose body has not been read yet: headers to send, then `start(sink)`. */
export interface StreamedAnswer {
  readonly status: number;
  /** Lower-case names, as `writeHead` takes them. */
  readonly headers: Record<string, string>;
  /** Begins reading the upstream into the sink; called once. */
  start(sink: Sink): void;
  /** The sink has room again (a `drain`, a `pull`). */
  resume(): void;
  /** The client went away: the upstream is aborted and the call recorded as such. */
  cancel(): void;
}

export function isStreamedAnswer(r: Response | StreamedAnswer): r is StreamedAnswer {
  return !(r instanceof Response);
}

/** A route handler's Response over the answer (next dev, serverless hosts). */
export function answerResponse(answer: StreamedAnswer): Response {
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        answer.start({
          write(chunk) {
            try {
              controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            } catch {
              // Cancelled by the client: cancel() ends the call.
              return true;
            }
            return (controller.desiredSize ?? 1) > 0;
          },
          end() {
            try {
              controller.close();
            } catch {
              // Already cancelled by the client.
            }
          },
          fail(message) {
            try {
              controller.error(new Error(message));
            } catch {
              // Client already gone.
            }
          },
        });
      },
      pull() {
        answer.resume();
      },
      cancel() {
        answer.cancel();
      },
    },
    { highWaterMark: 64 * 1024, size: (c) => c.byteLength },
  );
  return new Response(stream, { status: answer.status, headers: answer.headers });
}

/**
 * The production entry's sink: each chunk goes to `res.write` as it arrives, and a full socket
 * pauses the upstream until `drain`. A client that goes away aborts the call through node.ts's signal.
 */
export function writeAnswer(res: ServerResponse, answer: StreamedAnswer): void {
  res.writeHead(answer.status, answer.headers);
  res.on("drain", answer.resume);
  answer.start({
    write(chunk) {
      if (res.destroyed || res.writableEnded) return true;
      return res.write(chunk);
    },
    end() {
      if (!res.destroyed && !res.writableEnded) res.end();
    },
    fail() {
      // The client sees the response cut, not a complete one.
      res.destroy();
    },
  });
}
