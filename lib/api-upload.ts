import { failure, networkError, parseJson } from "./api-client";

/**
 * The browser client's upload half (see api-client.ts): a POST with upload progress, which fetch
 * cannot report, so XMLHttpRequest underneath. Its failures are apiRequest's ApiErrors (same
 * parsing, same sign-in redirect); an abort rejects with an AbortError.
 */

export interface UploadInit {
  /** A FormData goes as multipart; a string as JSON text. */
  body: FormData | string;
  signal: AbortSignal;
  /** Bytes of the body sent so far. */
  onProgress?(loaded: number): void;
}

export function apiUpload<T>(path: string, { body, signal, onProgress }: UploadInit): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const x = new XMLHttpRequest();
    x.open("POST", path);
    x.setRequestHeader("accept", "application/json");
    if (typeof body === "string") x.setRequestHeader("content-type", "application/json");
    x.responseType = "text";
    if (onProgress) x.upload.onprogress = (e) => onProgress(e.loaded);
    const abort = () => x.abort();
    signal.addEventListener("abort", abort, { once: true });
    const settle = () => signal.removeEventListener("abort", abort);
    x.onload = () => {
      settle();
      if (x.status >= 200 && x.status < 300) resolve(parseJson<T>(x.responseText) as T);
      else reject(failure(path, x.status, x.responseText, parseHeaders(x.getAllResponseHeaders())));
    };
    x.onerror = () => {
      settle();
      reject(networkError());
    };
    x.onabort = () => {
      settle();
      reject(abortError());
    };
    x.send(body);
  });
}

function abortError(): DOMException {
  return new DOMException("The upload was cancelled.", "AbortError");
}

function parseHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}
