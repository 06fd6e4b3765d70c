import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    // Opening a fresh PGlite takes seconds on a busy 2-core machine.
    hookTimeout: 60_000,
    pool: "forks",
    // One migrated PGlite cluster per run, copied by every test's fresh database (test/db.ts).
    globalSetup: ["test/pglite-template.ts"],
  },
});
