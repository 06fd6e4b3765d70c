import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * A Python virtualenv with the `openai` package, for the tests that run the Python programs "View
 * code" writes (lib/playground/code.test.ts, e2e/code.spec.ts). Pinned, and cached under node_modules/.cache so it is
 * built once per checkout (`npm ci` starts it afresh). .ci/run builds it before the tests:
 * `npx tsx test/python-openai.ts`.
 */

export const PYTHON_OPENAI_VERSION = "3.22.1";

// Relative to the repository root, where vitest, Playwright and .ci/run start (no import.meta:
// Playwright loads this file as CommonJS).
const VENV = path.resolve("node_modules", ".cache", "benchtop-python", `openai-${PYTHON_OPENAI_VERSION}`);
const PYTHON = path.join(VENV, process.platform === "win32" ? "Scripts/python.exe" : "bin/python");

function works(python: string): boolean {
  try {
    execFileSync(python, ["-c", "import openai"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** The venv's python, building it when missing; `{ skip }` says why there is none. */
export function pythonWithOpenai(): { python: string } | { skip: string } {
  if (existsSync(PYTHON) && works(PYTHON)) return { python: PYTHON };
  const system = ["python3", "python"].find((p) => {
    try {
      execFileSync(p, ["-c", "import sys, venv; assert sys.version_info >= (3, 9)"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
  if (!system) return { skip: "no Python 3.9+ with venv on PATH" };
  try {
    rmSync(VENV, { recursive: true, force: true });
    mkdirSync(path.dirname(VENV), { recursive: true });
    execFileSync(system, ["-m", "venv", VENV], { stdio: "pipe", timeout: 120_000 });
    execFileSync(
      PYTHON,
      // One retry: where the index is unreachable but a mirror is configured, pip's default back-off
      // spent 108 s of CI on retries for a 4 s install.
      [
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--retries",
        "1",
        "--timeout",
        "10",
        `openai==${PYTHON_OPENAI_VERSION}`,
      ],
      { stdio: "pipe", timeout: 600_000 },
    );
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return {
      skip: `could not install openai==${PYTHON_OPENAI_VERSION}: ${err.stderr?.toString().trim().split("\n").at(-1) ?? err.message}`,
    };
  }
  return works(PYTHON) ? { python: PYTHON } : { skip: "the venv's python cannot import openai" };
}

if (process.argv[1]?.endsWith("python-openai.ts")) {
  const r = pythonWithOpenai();
  if ("skip" in r) {
    console.error(`Python SDK venv: ${r.skip}`);
    process.exit(1);
  }
  console.log(`Python SDK venv: ${r.python}`);
}
