// @ts-check

// Security headers for what proxy.ts (the middleware, which gives pages theirs) does not see. The same
// values as lib/security-headers.ts, which a unit test checks; this file is loaded without TypeScript.
const NOSNIFF = { key: "X-Content-Type-Options", value: "nosniff" };
/** API responses are data, never documents: nothing may run, load or frame them. */
const API_CSP = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/** @type {import("next").NextConfig} */
const nextConfig = {
  output: "standalone",
  // `BENCHTOP_SOURCE_MAPS=1 npm run build` serves browser source maps, for `BENCH_MODULES=1 npm run
  // bench:first-load` to say which modules each route's first load holds. Off in real builds.
  productionBrowserSourceMaps: process.env.BENCHTOP_SOURCE_MAPS === "1",
  // Compression holds small SSE writes back (~11 ms before the first event, see docs/performance.md);
  // a reverse proxy in front can compress the non-streaming pages instead.
  compress: false,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2"],
  // The CLI and emulator are bundled or run with tsx; they never go through Next.
  typescript: { ignoreBuildErrors: false },
  // The proxy at /api/v1 under `npm start` answers before Next; it sets the same headers itself.
  async headers() {
    return [
      { source: "/api/:path*", headers: [NOSNIFF, API_CSP] },
      { source: "/_next/:path*", headers: [NOSNIFF] },
      { source: "/favicon.ico", headers: [NOSNIFF] },
    ];
  },
};

module.exports = nextConfig;
