// `npm run bench`: runs every bench/*.ts (each exports a default async run()) in turn,
// or only those named on the command line: `npm run bench -- lists chat`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The app's one-line-per-request log would flood the figures; benches print their own.
process.env.LOG_LEVEL ??= "warn";

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.startsWith("_"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, "")))
  .sort();

if (wanted.length > files.length) {
  console.error(`no bench named ${wanted.filter((w) => !files.includes(`${w}.ts`)).join(", ")}`);
  process.exit(1);
}
for (const file of files) {
  console.log(`\n=== ${file.replace(/\.ts$/, "")} ===`);
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> };
    await mod.default();
  } catch (error) {
    // A failed bench fails the run (the BENCH_QUICK smokes in CI rely on the exit code).
    console.error(`${file}: failed:`, error);
    process.exit(1);
  }
}
process.exit(0);
