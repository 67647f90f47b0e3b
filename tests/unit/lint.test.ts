import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules/.bin/biome");

interface Diagnostic {
  category: string;
  location: { path: { file: string } | string; start?: { line: number } };
}

describe("lint/drizzle-where.grit", () => {
  // The fixtures are left out of the project's own lint run (one of them must fail), so they are
  // linted here on their own, with only the plugin enabled.
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-lint-"));
    for (const f of ["drizzle-bad.ts", "drizzle-good.ts"]) fs.copyFileSync(path.join(root, "lint/fixtures", f), path.join(dir, f));
    const config = { plugins: [path.join(root, "lint/drizzle-where.grit")], linter: { rules: { preset: "none" } } };
    fs.writeFileSync(path.join(dir, "biome.json"), JSON.stringify(config));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function pluginFindings(file: string): number[] {
    const r = spawnSync(biome, ["lint", "--reporter=json", file], { cwd: dir, encoding: "utf8" });
    const out: { diagnostics: Diagnostic[] } = JSON.parse(r.stdout);
    return out.diagnostics.filter((d) => d.category === "plugin").map((d) => d.location.start?.line ?? 0);
  }

  it("flags every update and delete that never calls .where()", () => {
    const lines = fs.readFileSync(path.join(root, "lint/fixtures/drizzle-bad.ts"), "utf8").split("\n");
    const statements = lines.flatMap((l, i) => (/\.(delete|update)\(notifications\)/.test(l) ? [i + 1] : []));
    expect(statements).toHaveLength(4);
    expect(pluginFindings("drizzle-bad.ts")).toEqual(statements);
  });

  it("accepts updates and deletes with .where(), and other objects' delete()", () => {
    expect(pluginFindings("drizzle-good.ts")).toEqual([]);
  });
});
