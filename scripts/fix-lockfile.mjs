#!/usr/bin/env node
// The npm registry reachable here serves only Linux builds of platform packages, so npm writes a
// package-lock.json without the other platforms' optional entries, and `npm ci` then refuses the
// lock as out of sync. This adds an entry for every missing platform-specific optional dependency;
// npm skips them on install because os/cpu do not match.
//
// The entries and the file are written exactly as npm writes them (its flags: `dev` when only dev
// dependencies reach the package; its key order: json-stringify-nice with npm's preferred keys, the
// rest alphabetical), so a later `npm install` leaves the lock unchanged.
//
// Run after any dependency change: `node scripts/fix-lockfile.mjs [dir]` (`--check` only reports,
// and also fails when the file is not byte-for-byte what npm would write).
import fs from "node:fs";
import path from "node:path";

const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? path.join(import.meta.dirname, "..");
const file = path.join(dir, "package-lock.json");
const original = fs.readFileSync(file, "utf8");
const lock = JSON.parse(original);
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

// An entry this script wrote has no `resolved`/`integrity` (npm never downloaded it); those are
// rebuilt every run, so the flags follow when a dependency moves between dependencies and devDependencies.
const synthetic = (entry) => entry && !entry.resolved && !entry.integrity && !entry.link;

/** Every platform package missing from (or synthesized into) the lock, with the entries that require it. */
const wanted = new Map();
let missing = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const at = resolvedPath(where, dep);
    if (at && !synthetic(lock.packages[at])) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform package: npm resolves those itself
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue; // platform packages are pinned exactly
    const key = at ?? `node_modules/${dep}`;
    if (!at) missing++;
    const w = wanted.get(key) ?? { version: spec, platform, parents: [] };
    w.parents.push(pkg);
    wanted.set(key, w);
  }
}
for (const [key, { version, platform, parents }] of wanted) {
  // Reached only through optionalDependencies, so always optional; dev when every parent is dev-only
  // (npm's flag for e.g. @tailwindcss/oxide-*, which only tailwindcss in devDependencies pulls in).
  const dev = parents.every((p) => p.dev);
  lock.packages[key] = { version, ...platform, ...(dev ? { dev: true } : {}), optional: true };
}

const text = stringifyLikeNpm(lock);
if (process.argv.includes("--check")) {
  // Used by the test suite: a dependency change that would break `npm ci` fails fast.
  if (missing) console.error(`package-lock.json lacks ${missing} platform entries: run node scripts/fix-lockfile.mjs`);
  else if (text !== original) console.error("package-lock.json is not as npm writes it: run node scripts/fix-lockfile.mjs");
  process.exit(text === original ? 0 : 1);
}
fs.writeFileSync(file, text);
console.log(`package-lock.json: added ${missing} platform entries`);

/**
 * npm's serialisation (arborist's Shrinkwrap through json-stringify-nice): in every object, scalar
 * and array values before nested objects; npm's preferred top-level keys first, then the rest by
 * `localeCompare(…, "en")`. Reproduced here rather than imported because npm does not export it.
 */
function stringifyLikeNpm(data) {
  const preferred = ["name", "version", "lockfileVersion", "resolved", "integrity", "requires", "packages", "dependencies"];
  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const compare = (a, b) => {
    const ia = preferred.indexOf(a);
    const ib = preferred.indexOf(b);
    if (ia !== -1 || ib !== -1) return ia === -1 ? 1 : ib === -1 ? -1 : ia - ib;
    return a.localeCompare(b, "en");
  };
  const sorted = (_key, value) =>
    isObj(value)
      ? Object.fromEntries(
          Object.entries(value).sort(([ak, av], [bk, bv]) =>
            isObj(av) === isObj(bv) ? compare(ak, bk) : isObj(av) ? 1 : -1,
          ),
        )
      : value;
  return `${JSON.stringify(data, sorted, 2)}\n`;
}
