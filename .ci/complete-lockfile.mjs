// The registry reachable here serves only the linux-x64 builds of platform-specific optional
// packages, so `npm install` leaves the others out of package-lock.json and `npm ci` then refuses
// the lockfile. This adds those entries, marked optional with the os/cpu/libc npm would record, so
// `npm ci` skips them here and installs them on machines of that platform.
// Run after any `npm install` that changes dependencies: `npm run lock`.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;

function platformOf(name) {
  const n = name.toLowerCase();
  const os = [
    "android",
    "darwin",
    "win32",
    "freebsd",
    "openbsd",
    "netbsd",
    "sunos",
    "aix",
    "openharmony",
    "linux",
    "linuxmusl",
  ].find((o) => new RegExp(`[-/]${o}(?=[-.]|$)`).test(n));
  const cpu = [
    "arm64",
    "x64",
    "ia32",
    "arm",
    "loong64",
    "mips64el",
    "ppc64",
    "riscv64",
    "s390x",
    "wasm32",
  ].find((c) => new RegExp(`[-/]${c}(?=[-.]|$)`).test(n));
  const out = {};
  if (n.includes("wasm32") || n.endsWith("-wasm")) out.cpu = ["wasm32"];
  else if (cpu) out.cpu = [cpu];
  if (os === "linuxmusl") {
    out.os = ["linux"];
    out.libc = ["musl"];
  } else if (os) out.os = [os];
  if (os === "linux" && /musl/.test(n)) out.libc = ["musl"];
  return out;
}

let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (pkgs[base] || pkgs[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) {
      console.error(`cannot tell the platform of ${dep}; leaving it out`);
      continue;
    }
    pkgs[`node_modules/${dep}`] = { version: spec.replace(/^[\^~=]/, ""), optional: true, ...platform };
    added++;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform-specific optional entries`);
