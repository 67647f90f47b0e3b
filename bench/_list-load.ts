// One list request as clients send it over HTTP, one at a time and from 20 clients at once: what
// `history` and `lists` measure, against the goal the chat history set (20 concurrent clients
// ≥ 425 req/s with p99 ≤ 3 × p50; one client at a time p50 ≤ 4 ms).
import http from "node:http";
import superjson from "superjson";
import type { NextServer } from "./_next-start";
import { basePort, buildPresent, type ChatApp, type ChatAppOptions, databaseKinds, QUICK, startChatApp } from "./_chat-app";
import { ms, percentile } from "./_stats";

const CLIENTS = 20;
/** Requests per client per concurrent run (each client waits for its answer before the next). */
const PER_CLIENT = QUICK ? 5 : 30;
const RUNS = QUICK ? 1 : 3;
/** Concurrent runs per shape before any is measured (see warm()). */
const WARM_RUNS = QUICK ? 0 : 3;
const SEQUENTIAL = QUICK ? 30 : 100;
const WARMUP = QUICK ? 20 : 100;

export interface Shape {
  label: string;
  url: string;
  headers: Record<string, string>;
  /** Throws unless the answer's body holds what the request asked for. */
  check(body: string): void;
}

// One per bench run (measureOnEachDatabase), destroyed at its end.
let agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** A tRPC GET as the browser's link sends it: a one-call batch, its input in superjson's form, answered as JSON. */
export function trpcBatchUrl(origin: string, procedure: string, input: unknown): string {
  return `${origin}/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`;
}

/** The value a one-call batch answered with. */
export function batchData(body: string): unknown {
  return (JSON.parse(body) as Array<{ result: { data: { json: unknown } } }>)[0]?.result.data.json;
}

/** Times one call, then checks its answer (outside the timing). */
async function call(shape: Shape): Promise<number> {
  const t0 = performance.now();
  const a = await get(shape.url, shape.headers);
  const took = performance.now() - t0;
  if (a.status !== 200) throw new Error(`${shape.label}: answered ${a.status}: ${a.body.slice(0, 300)}`);
  shape.check(a.body);
  return took;
}

const line = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const p50 = percentile(s, 50);
  const p99 = percentile(s, 99);
  return { text: `p50 ${ms(p50)}  p90 ${ms(percentile(s, 90))}  p99 ${ms(p99)}  max ${ms(s.at(-1) ?? Number.NaN)}`, p50, p99 };
};

/** One concurrent run: every client sends PER_CLIENT calls, each once its previous one is answered. */
async function concurrentRun(shape: Shape): Promise<{ samples: number[]; seconds: number }> {
  const samples: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < PER_CLIENT; i++) samples.push(await call(shape));
    }),
  );
  return { samples, seconds: (performance.now() - t0) / 1000 };
}

async function concurrent(shape: Shape, server: NextServer, run: number): Promise<void> {
  const cpu0 = server.cpuMs();
  const { samples, seconds } = await concurrentRun(shape);
  const l = line(samples);
  const cpu = (server.cpuMs() - cpu0) / samples.length;
  console.log(
    `  ${shape.label}, ${CLIENTS} clients × ${PER_CLIENT} (run ${run}/${RUNS}): ${(samples.length / seconds).toFixed(0)} req/s  ${l.text}  ` +
      `p99/p50 ${(l.p99 / l.p50).toFixed(1)}  (server CPU ${ms(cpu)} per call)`,
  );
}

async function sequential(shape: Shape): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) samples.push(await call(shape));
  console.log(`  ${shape.label}, one client at a time (${samples.length} calls): ${line(samples).text}`);
}

/**
 * Every shape is warmed before any is measured (JIT, pool connections, plans); callers then
 * alternate between shapes, so none gains from going last on a machine whose load drifts.
 */
async function warm(shapes: Shape[]): Promise<void> {
  for (let w = 0; w < WARMUP; w++) for (const shape of shapes) await call(shape);
  // And once at full concurrency, so the database pool has grown to its working size: opening
  // a connection costs tens of ms, which would land on whichever shape happened to run first.
  for (const shape of shapes) await Promise.all(Array.from({ length: CLIENTS }, () => call(shape)));
  // A fresh process is still compiling its hot code under load: in its first seconds at full
  // concurrency, all clients stalled together for 50–100 ms (server CPU busy, no major GC), and
  // one run in nine went over 3× p50; after these warm runs none did. A server meets its users warm, so
  // the figures are a warm server's; the warm runs' worst tail is printed beside them.
  let freshWorst = 0;
  for (let w = 0; w < WARM_RUNS; w++) {
    for (const shape of shapes) {
      const l = line((await concurrentRun(shape)).samples);
      freshWorst = Math.max(freshWorst, l.p99 / l.p50);
    }
  }
  if (WARM_RUNS > 0) console.log(`  ${WARM_RUNS} warm-up runs of ${CLIENTS} clients per shape, not counted (worst p99/p50 of a fresh process: ${freshWorst.toFixed(1)})`);
}

/** Warm, then each shape one client at a time, then RUNS concurrent runs alternating between shapes. */
async function measureShapes(shapes: Shape[], server: NextServer): Promise<void> {
  await warm(shapes);
  for (const shape of shapes) await sequential(shape);
  for (let run = 1; run <= RUNS; run++) for (const shape of shapes) await concurrent(shape, server, run);
}

/**
 * The production build on each database in turn (PostgreSQL when it answers, PGlite), its user
 * seeded, and `shapes` measured against it; `title(kind)` heads its figures.
 */
export async function measureOnEachDatabase(opts: {
  bench: string;
  portOffset: number;
  app?: ChatAppOptions;
  title: (kind: string) => string;
  shapes: (app: ChatApp) => Shape[];
}): Promise<void> {
  if (!buildPresent(opts.bench)) return;
  const kinds = await databaseKinds();
  agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    for (const [i, kind] of kinds.entries()) {
      const app = await startChatApp(kind, basePort() + opts.portOffset + i, opts.app);
      try {
        console.log(opts.title(kind));
        await measureShapes(opts.shapes(app), app.server);
      } finally {
        await app.stop();
      }
    }
  } finally {
    agent.destroy();
  }
}
