import "server-only";
import type { Readable } from "node:stream";
import type { ClientSignal } from "./client-signal";

/** The bytes read so far; `ended` when the stream finished before the limit. */
export interface Prefix {
  chunks: Buffer[];
  size: number;
  ended: boolean;
}

export interface ReadPrefixOptions {
  /** The error to reject with when the client aborts or its stream fails (the cause is dropped). */
  closed: () => Error;
  /** Sees each chunk as it arrives, so a caller can count bytes read before a failure. */
  onChunk?: (chunk: Buffer) => void;
}

/**
 * Reads a client's body until `limit` bytes (then pauses the stream, which stays readable, so the
 * caller can read on or re-emit the prefix before the rest) or its end. An abort destroys the
 * stream; a stream error leaves it as it is. Shared by the `prompt` hook and the budget gate.
 */
export function readPrefix(
  stream: Readable,
  limit: number,
  signal: ClientSignal,
  { closed, onChunk }: ReadPrefixOptions,
): Promise<Prefix> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      signal.removeEventListener("abort", onAbort);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      onChunk?.(chunk);
      if (size >= limit) {
        stream.pause();
        done();
        resolve({ chunks, size, ended: false });
      }
    };
    const onEnd = () => {
      done();
      resolve({ chunks, size, ended: true });
    };
    const onError = () => {
      done();
      reject(closed());
    };
    const onAbort = () => {
      done();
      stream.destroy();
      reject(closed());
    };
    if (signal.aborted) return onAbort();
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    signal.addEventListener("abort", onAbort, { once: true });
    // A `data` listener does not restart a stream an earlier read paused at its limit.
    stream.resume();
  });
}

/**
 * The whole body at once when every byte of it is already buffered and nothing has read it yet: a
 * small call usually arrives in one packet with its headers, and Node buffers its body a microtask
 * after the request event, but emits `end` only in a later turn of the event loop (readPrefix waits
 * for that turn; docs/proxy-hot-path.md). `length` is the request's Content-Length; null (chunked)
 * or any doubt gives null, and the caller reads with readPrefix.
 */
export function takeArrived(stream: Readable, length: number | null, limit: number): Prefix | null {
  // At the limit: readPrefix's answer (not ended), so the caller refuses it the same way.
  if (length === null || length >= limit || length !== stream.readableLength) return null;
  // Read, flowing or paused before: some bytes may have gone to another reader. An encoding: strings.
  if (stream.readableDidRead || stream.readableFlowing !== null || stream.readableEncoding !== null)
    return null;
  if (stream.destroyed) return null;
  if (length === 0) return { chunks: [], size: 0, ended: true };
  // With no size, read() returns everything buffered as one Buffer.
  const all = stream.read() as Buffer | null;
  if (all?.length === length) return { chunks: [all], size: length, ended: true };
  if (all) stream.unshift(all);
  return null;
}
