import "server-only";
import fs from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";

/**
 * DATA_DIR holds password hashes, sessions, presets and share ids: nobody but the server's own
 * user may read it. A umask covers what the process creates; PGlite sets some modes itself (its
 * initial cluster is written 0666), so the tree is also walked and repaired.
 */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** From now on this process creates files 0600 and directories 0700. */
export function restrictUmask(): void {
  // Worker threads share the process umask and may not change it.
  if (isMainThread) process.umask(0o077);
}

export interface SecureResult {
  /** Entries whose mode was changed. */
  fixed: number;
  /** `path: reason` for entries that could not be changed (another owner, say). */
  failed: string[];
}

/**
 * Makes DATA_DIR's directories 0700 and everything else 0600. Symlinks are left alone, and not
 * followed: what they point to is not DATA_DIR's to change. A missing directory is nothing to do.
 */
export function secureDataDir(dir: string): SecureResult {
  const result: SecureResult = { fixed: 0, failed: [] };
  const visit = (p: string, isRoot: boolean) => {
    let st: fs.Stats;
    try {
      // The root itself may be a symlink to a mounted volume: that one is followed.
      st = isRoot ? fs.statSync(p) : fs.lstatSync(p);
    } catch (e) {
      // Gone meanwhile (PGlite renames and removes files while it runs): nothing to secure.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") result.failed.push(`${p}: ${(e as Error).message}`);
      return;
    }
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((st.mode & 0o7777) !== want) {
      try {
        fs.chmodSync(p, want);
        result.fixed++;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT")
          result.failed.push(`${p}: ${(e as Error).message}`);
      }
    }
    if (!st.isDirectory()) return;
    let names: string[];
    try {
      names = fs.readdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") result.failed.push(`${p}: ${(e as Error).message}`);
      return;
    }
    for (const name of names) visit(path.join(p, name), false);
  };
  visit(dir, true);
  return result;
}
