import { execFileSync } from "node:child_process";
import { E2E } from "./env";

/** Runs the ops CLI the way an operator would, against the e2e console's data. */
export function cli(...args: string[]): string {
  return execFileSync("npx", ["tsx", "--conditions=react-server", "lib/server/ops/cli.ts", ...args], {
    env: { ...process.env, ...E2E.consoleEnv },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}
