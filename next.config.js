// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  output: "standalone",
  // Compression holds small SSE writes back (~11 ms before the first event, see docs/performance.md);
  // a reverse proxy in front can compress the non-streaming pages instead.
  compress: false,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2"],
  // The CLI and emulator are bundled or run with tsx; they never go through Next.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
