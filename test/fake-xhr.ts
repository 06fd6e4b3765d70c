import { vi } from "vitest";

/**
 * A stand-in for the browser's XMLHttpRequest, answering from a handler, for tests of the upload
 * code in Node. Each request is logged; a handler may answer, fail the connection or hang until the
 * request is aborted.
 */

export interface FakeRequest {
  method: string;
  url: string;
  body: unknown;
}

export type FakeAnswer = { status: number; body?: unknown } | "network-error" | "hang";

export function installFakeXhr(handler: (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>) {
  const requests: FakeRequest[] = [];
  class FakeXhr {
    status = 0;
    responseText = "";
    responseType = "";
    upload: { onprogress: ((e: { loaded: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = "";
    private url = "";
    private done = false;
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader() {}
    getAllResponseHeaders() {
      return this.status ? "content-type: application/json\r\n" : "";
    }
    abort() {
      if (this.done) return;
      this.done = true;
      this.onabort?.();
    }
    send(body: unknown) {
      const req = { method: this.method, url: this.url, body };
      requests.push(req);
      void (async () => {
        await new Promise((r) => setTimeout(r, 1));
        const answer = await handler(req);
        if (this.done || answer === "hang") return;
        this.done = true;
        if (answer === "network-error") return this.onerror?.();
        const size = body instanceof FormData ? 1 : 0;
        this.upload.onprogress?.({ loaded: size });
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body ?? {});
        this.onload?.();
      })();
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  return requests;
}

/** The part index a `POST /uploads/:id/parts` carries, from the form's `data` file name. */
export function partIndex(req: FakeRequest): number {
  const data = (req.body as FormData).get("data") as File;
  return Number(data.name.replace("part-", ""));
}
