import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("package-lock.json", () => {
  it("has an entry for every platform-specific optional dependency, so `npm ci` accepts it", () => {
    const r = spawnSync(process.execPath, ["scripts/fix-lockfile.mjs", "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
