// Throughput of the local Inngest runner: 100 concurrent runs of a 5-step function, over HTTP
// against a real serve() handler — plain, and with `concurrency: {limit: 1, key: "event.data.k"}`
// over 10 keys (reporting the most runs of one key seen executing at once, which must be 1). Measured as under `npm run dev` — the runner in its own process
// (`tsx src/dev/inngest-runner/main.ts`) on PGlite in a data folder — and, when TEST_DATABASE_URL
// is set, on PostgreSQL. Run with `npm run bench` (or `npx tsx bench/inngest-runner.ts`).
import { pathToFileURL } from "node:url";
import { runLoad, type LoadResult } from "../src/dev/inngest-runner/testing/load";
import { createTestDatabase } from "../src/dev/inngest-runner/testing/postgres";

const RUNS = 100;

const KEYS = 10;

function report(label: string, r: LoadResult): void {
  const ok = r.completed === RUNS && r.wrongCounts.length === 0 && (r.maxPerKey === undefined || r.maxPerKey === 1);
  const keyed = r.maxPerKey === undefined ? "" : `, at most ${r.maxPerKey} run(s) of one key at once`;
  console.log(
    `inngest-runner [${label}]: ${r.completed}/${RUNS} concurrent runs × 5 steps in ${r.seconds.toFixed(2)}s → ` +
      `${r.runsPerSecond.toFixed(1)} runs/s (${r.stepsPerSecond.toFixed(0)} steps/s)${keyed}` +
      (ok ? ", every step ran exactly once" : ` — PROBLEM: ${r.wrongCounts.slice(0, 5).join(", ")}`),
  );
}

export default async function run(): Promise<void> {
  report("runner process, PGlite data folder", await runLoad(RUNS, { childEnv: {} }));
  report(`runner process, PGlite data folder, concurrency 1 per key × ${KEYS} keys`, await runLoad(RUNS, { childEnv: {}, keys: KEYS }));
  if (process.env.TEST_DATABASE_URL) {
    for (const keys of [0, KEYS]) {
      const db = await createTestDatabase(process.env.TEST_DATABASE_URL);
      try {
        const label = keys ? `runner process, PostgreSQL, concurrency 1 per key × ${keys} keys` : "runner process, PostgreSQL";
        report(label, await runLoad(RUNS, { childEnv: { INNGEST_RUNNER_DATABASE_URL: db.url }, keys }));
      } finally {
        await db.drop();
      }
    }
  }
  report("runner in-process, PGlite in memory", await runLoad(RUNS));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
