/**
 * The console's security headers in one place (issue 9, F7). Pages get a per-request nonce'd CSP from
 * proxy.ts; API and proxy responses are never documents, so they get a policy that forbids everything;
 * next.config.js repeats the static values for what the middleware does not see (see its test).
 */

/** For every response that is data, not a page: a browser must never render or sniff it. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/** Features the console never uses, refused for it and anything it embeds. */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

export interface PageContext {
  /** Fresh for every request; Next puts it on its own scripts when it finds it in the request's CSP. */
  nonce: string;
  /** A share link (`/s/*`): viewed by people outside the team, so nothing leaves the page. */
  share: boolean;
  /** The request reached us over HTTPS (directly or per a TLS-terminating proxy). */
  https: boolean;
  /** `next dev`: React needs eval for its debug stacks and HMR injects styles without a nonce. */
  dev: boolean;
}

export function pageCsp({ nonce, share, https, dev }: PageContext): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': Next's nonce'd scripts load the chunks; tiktoken compiles WASM in its worker.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Style attributes from server-rendered React (shiki's token colours, widths set inline).
    "style-src-attr 'unsafe-inline'",
    // The playground shows images users attach or link from anywhere; a share shows only its own
    // (remote ones there would let a link's author see who opened it).
    share ? "img-src 'self' data: blob:" : "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "media-src 'self' data: blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over HTTPS: on a plain-HTTP console this would send every request to a port that is not there.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The response headers of a page, CSP included. */
export function pageSecurityHeaders(ctx: PageContext): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": pageCsp(ctx),
    "x-content-type-options": "nosniff",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    "referrer-policy": ctx.share ? "no-referrer" : "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
  };
  // Browsers ignore HSTS over plain HTTP; sent there it would only mislead. No includeSubDomains or
  // preload: the console does not own its parent domain's other hosts.
  if (ctx.https) headers["strict-transport-security"] = "max-age=31536000";
  return headers;
}

/** Static assets and the favicon: not documents the middleware sees, but never to be sniffed. */
export const ASSET_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
};

/** 128 random bits, base64: unguessable, and a valid CSP nonce-source. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
