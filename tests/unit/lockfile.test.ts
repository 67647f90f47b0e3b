import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const committed = fs.readFileSync(path.join(root, "package-lock.json"), "utf8");

describe("package-lock.json", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-lock-"));
    fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
    fs.writeFileSync(path.join(dir, "package-lock.json"), committed);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has an entry for every platform-specific optional dependency, so `npm ci` accepts it", () => {
    const r = spawnSync(process.execPath, ["scripts/fix-lockfile.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("fix-lockfile rebuilds the platform entries exactly as npm keeps them", () => {
    // What npm writes on this registry: the lock without the entries it could not download.
    type Entry = { resolved?: string; integrity?: string; link?: boolean };
    const lock: { packages: Record<string, Entry> } = JSON.parse(committed);
    const stripped = Object.keys(lock.packages).filter((k) => {
      const e = lock.packages[k];
      return k !== "" && e !== undefined && !e.resolved && !e.integrity && !e.link;
    });
    expect(stripped.length).toBeGreaterThan(0);
    for (const k of stripped) delete lock.packages[k];
    fs.writeFileSync(path.join(dir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);

    const r = spawnSync(process.execPath, [path.join(root, "scripts/fix-lockfile.mjs"), dir], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8")).toBe(committed);
  });

  it("`npm install` leaves the lock unchanged", () => {
    // --package-lock-only resolves the same tree as a full install (and rewrites what it would write)
    // without touching node_modules; npm finds everything it needs in the lock and its cache.
    const r = spawnSync(
      "npm",
      ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"],
      { cwd: dir, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8")).toBe(committed);
  }, 120_000);
});
