import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/server/db/pglite";

/**
 * F6: DATA_DIR holds password hashes, sessions, presets and share ids. Whatever the process umask,
 * the embedded database's directories must be 0700 and its files 0600 (PGlite itself writes most
 * of its cluster as 0666), and a tree left world-readable by an older version is repaired.
 */
interface Entry {
  file: string;
  dir: boolean;
  mode: string;
}

function walk(root: string): Entry[] {
  const out: Entry[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    out.push({
      file: path.relative(root, p) || ".",
      dir: st.isDirectory(),
      mode: (st.mode & 0o777).toString(8),
    });
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return out;
}

/** The entries whose mode is not owner-only, as `dir 777 pglite/base` lines (empty when all are private). */
function notPrivate(root: string): string[] {
  return walk(root)
    .filter((e) => e.mode !== (e.dir ? "700" : "600"))
    .map((e) => `${e.dir ? "dir" : "file"} ${e.mode} ${e.file}`);
}

let tmp: string;
let savedUmask: number;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bt-f06-"));
  // The most permissive umask a process could be started with.
  savedUmask = process.umask(0);
});

afterEach(() => {
  process.umask(savedUmask);
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Creating a PGlite cluster takes 5–25 s on a busy 2-core machine.
describe("F6 DATA_DIR modes", { timeout: 120_000 }, () => {
  it("a new embedded database is owner-only while open and after close", async () => {
    const dataDir = path.join(tmp, "data");
    const db = await openPglite(dataDir);
    await db.exec("create table t (x int); insert into t values (1)");
    const whileOpen = notPrivate(dataDir);
    await db.close();
    expect(whileOpen.slice(0, 5), `${whileOpen.length} entries not private while open`).toEqual([]);
    const afterClose = notPrivate(dataDir);
    expect(afterClose.slice(0, 5), `${afterClose.length} entries not private after close`).toEqual([]);
    expect(walk(dataDir).length).toBeGreaterThan(900);
  });

  it("an existing world-readable tree is repaired when the server opens it", async () => {
    const dataDir = path.join(tmp, "data");
    const first = await openPglite(dataDir);
    await first.close();
    fs.writeFileSync(path.join(dataDir, "console-secret"), "x".repeat(64));
    // How an older version (or a copy with `cp -r` under umask 0) left it.
    for (const e of walk(dataDir)) fs.chmodSync(path.join(dataDir, e.file), e.dir ? 0o777 : 0o666);
    const outside = path.join(tmp, "outside.txt");
    fs.writeFileSync(outside, "not ours");
    fs.chmodSync(outside, 0o644);
    fs.symlinkSync(outside, path.join(dataDir, "link"));
    const before = notPrivate(dataDir).length;
    expect(before).toBeGreaterThan(900);

    const { secureDataDir } = await import("@/lib/server/data-dir");
    expect(secureDataDir(dataDir)).toEqual({ fixed: before, failed: [] });
    expect(notPrivate(dataDir)).toEqual([]);
    // A symlink is not followed: what it points to is not DATA_DIR's to change.
    expect((fs.statSync(outside).mode & 0o777).toString(8)).toBe("644");

    for (const e of walk(dataDir)) fs.chmodSync(path.join(dataDir, e.file), e.dir ? 0o777 : 0o666);
    const db = await openPglite(dataDir);
    await db.close();
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it("a missing DATA_DIR is nothing to repair", async () => {
    const { secureDataDir } = await import("@/lib/server/data-dir");
    expect(secureDataDir(path.join(tmp, "absent"))).toEqual({ fixed: 0, failed: [] });
  });
});
