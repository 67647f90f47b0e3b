import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Playwright evaluates the config in the main process and again in every worker; the main process
// makes the directory and the workers (which inherit its environment) reuse it.
const ENV = "RADIUM_E2E_DATA_ROOT";
const PREFIX = path.join(os.tmpdir(), "radium-e2e-");

/** The run's temporary data directory (PGlite and runner data of every web server). */
export function e2eDataRoot(): string {
  const existing = process.env[ENV];
  if (existing) return existing;
  const created = fs.mkdtempSync(PREFIX);
  process.env[ENV] = created;
  return created;
}

/** Deletes the run's data directory; only ever one this module made (under the temp folder). */
export function removeE2eDataRoot(): void {
  const dir = process.env[ENV];
  if (dir?.startsWith(PREFIX)) fs.rmSync(dir, { recursive: true, force: true });
}
