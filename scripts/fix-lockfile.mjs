#!/usr/bin/env node
// The npm registry reachable here serves only Linux builds of platform packages, so npm writes a
// package-lock.json without the other platforms' optional entries, and `npm ci` then refuses the
// lock as out of sync. This adds an entry (version, os, cpu, optional) for every missing
// platform-specific optional dependency; npm skips them on install because os/cpu do not match.
// Run after any dependency change: `node scripts/fix-lockfile.mjs` (`--check` only reports).
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const OS = ["darwin", "win32", "linux", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd", "openharmony"];
const CPU = ["arm64", "x64", "ia32", "arm", "s390x", "ppc64", "riscv64", "loong64", "mips64el", "wasm32", "x86_64"];

/** "@next/swc-darwin-arm64" → { os: ["darwin"], cpu: ["arm64"] }, "…-wasm32-wasi" → { cpu: ["wasm32"] }. */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  let cpu = parts.find((p) => CPU.includes(p));
  if (cpu === "x86_64") cpu = "x64";
  const libc = parts.some((p) => p === "musl") ? ["musl"] : parts.some((p) => p.startsWith("gnu")) ? ["glibc"] : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc && os === "linux" ? { libc } : {}) };
}

function resolvedPath(parentPath, dep) {
  // Node resolution: nested node_modules first, then each ancestor, then the top level.
  let base = parentPath;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return null;
    const i = base.lastIndexOf("/node_modules/");
    base = i === -1 ? "" : base.slice(0, i);
  }
}

let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolvedPath(path, dep)) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform package: npm resolves those itself
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue; // platform packages are pinned exactly
    lock.packages[`node_modules/${dep}`] = { version: spec, ...platform, optional: true };
    added++;
  }
}
if (process.argv.includes("--check")) {
  // Used by the test suite: a dependency change that would break `npm ci` fails fast.
  if (added) console.error(`package-lock.json lacks ${added} platform entries: run node scripts/fix-lockfile.mjs`);
  process.exit(added ? 1 : 0);
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entries`);
