// `deployments.list` as a client sees it: GET /api/trpc/deployments.list over HTTP against the
// production build (`next start`, its own process) on the local PostgreSQL, one user with 10,000
// deployments, 50 callers at once per round (saturating), and 50 callers polling as the page does.
// Goal p95 ≤ 20 ms.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { freshDatabase } from "./_deployments-db";
import { hasProductionBuild, type NextServer, startNext } from "./_next-start";
import { ms, summarize } from "./_stats";

const ROWS = 10_000;
const CALLERS = 50;
const ROUNDS = 40;
const WARMUP_ROUNDS = 5;
const PAGE = 20;
/** The deployments table's refetch interval while any row is transient. */
const PACE_MS = 1000;
const PACED_TICKS = 30;
/** How far down the cursor chain the deep page starts (rows skipped). */
const DEEP = 8_000;

type Db = Awaited<ReturnType<typeof freshDatabase>>["conn"]["db"];

/** `count` deployments of the user's, a month old and a minute apart, through every status (deleted ones soft-deleted). */
export async function deploymentRows(userId: string, count: number) {
  const { defaultDeploymentConfig, withoutSecretValues } = await import("@/lib/deployments/schema");
  const { DEPLOYMENT_STATUSES } = await import("@/lib/deployment-lifecycle");
  const base = Date.now() - 1000 * 60 * 60 * 24 * 30;
  return Array.from({ length: count }, (_, i) => {
    const name = `bench-${i}`;
    const status = DEPLOYMENT_STATUSES[i % DEPLOYMENT_STATUSES.length] ?? "active";
    return {
      userId,
      name,
      modelId: "meta-llama-3.1-8b-instruct",
      config: withoutSecretValues({ ...defaultDeploymentConfig, name, modelId: "meta-llama-3.1-8b-instruct" }),
      status,
      hourlyCents: 80,
      monthlyMinCents: 58_400,
      monthlyExpectedCents: 58_400,
      monthlyMaxCents: 116_800,
      apiTokenHash: `bench-${i}`,
      apiTokenPrefix: "rdm_bench000",
      termsVersion: "bench",
      termsAcceptedAt: new Date(base),
      paymentBrand: "visa",
      paymentLast4: "4242",
      paymentExpMonth: 12,
      paymentExpYear: 2099,
      idempotencyKey: `bench-${i}`,
      createdAt: new Date(base + i * 60_000),
      ...(status === "deleted" ? { deletedAt: new Date() } : {}),
    };
  });
}

export async function seed(db: Db): Promise<{ cookie: string }> {
  const { localUserIdFor, LOCAL_SESSION_COOKIE } = await import("@/server/auth/local-session");
  const { startLocalSession } = await import("@/server/auth/local-session-store");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { deployments } = await import("@/server/db/schema");
  const email = "bench-deployments-list@example.com";
  const userId = localUserIdFor(email);
  await upsertUser(db, { id: userId, email, name: "Bench" });
  // Recorded like a sign-in does it; the server checks it against the same AUTH_SECRET.
  const cookie = `${LOCAL_SESSION_COOKIE}=${encodeURIComponent(await startLocalSession(db, { name: "Bench", email }))}`;
  const rows = await deploymentRows(userId, ROWS);
  for (let from = 0; from < ROWS; from += 500) await db.insert(deployments).values(rows.slice(from, from + 500));
  await db.execute(sql`analyze deployments`);
  return { cookie };
}

interface Answer {
  status: number;
  body: Buffer;
  gzip: boolean;
}

// A keep-alive pool as wide as the callers, and gzip accepted as a browser does.
const agent = new http.Agent({ keepAlive: true, maxSockets: CALLERS });

function get(url: string, cookie: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), gzip: res.headers["content-encoding"] === "gzip" }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

interface ListPage {
  items: unknown[];
  nextCursor: string | null;
}

function page(a: Answer): ListPage {
  const text = (a.gzip ? gunzipSync(a.body) : a.body).toString();
  if (a.status !== 200) throw new Error(`deployments.list answered ${a.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: { json: ListPage } } }).result.data.json;
}

const listUrl = (origin: string, input: { limit: number; cursor?: string }) =>
  `${origin}/api/trpc/deployments.list?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Follows nextCursor from the first page until `DEEP` rows are behind it. */
async function deepCursor(origin: string, cookie: string): Promise<string> {
  let cursor: string | undefined;
  for (let seen = 0; seen < DEEP; seen += 100) {
    const p = page(await get(listUrl(origin, { limit: 100, cursor }), cookie));
    if (!p.nextCursor) throw new Error(`the cursor chain ended after ${seen + p.items.length} rows`);
    cursor = p.nextCursor;
  }
  return cursor ?? "";
}

const fullPage = (a: Answer) => {
  if (page(a).items.length !== PAGE) throw new Error("expected a full page");
};

/** 50 callers at once per round, ROUNDS rounds after a warm-up; every answer is checked after its timing. */
async function rounds(label: string, url: string, cookie: string, server: NextServer, check = fullPage): Promise<void> {
  const round = async (samples: number[] | null) => {
    const answers = await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        const t0 = performance.now();
        const a = await get(url, cookie);
        samples?.push(performance.now() - t0);
        return a;
      }),
    );
    for (const a of answers) check(a);
  };
  for (let r = 0; r < WARMUP_ROUNDS; r++) await round(null); // JIT, pool connections, plans
  const samples: number[] = [];
  let busy = 0;
  const cpu0 = server.cpuMs();
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    await round(samples);
    busy += performance.now() - t0;
  }
  const cpuPerCall = (server.cpuMs() - cpu0) / samples.length;
  const s = summarize(samples);
  console.log(
    `${label}, ${CALLERS} concurrent callers × ${ROUNDS} rounds: p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  ` +
      `(${(s.n / (busy / 1000)).toFixed(0)} calls/s; server CPU ${ms(cpuPerCall)} per call)`,
  );
}

/**
 * 50 users with the list open: each polls at the table's refetch interval (1 s while a row is
 * transient), starts at a random offset and waits for its answer before the next tick. This is
 * the load the page itself puts on the server; `rounds` is the saturating worst case.
 */
async function paced(label: string, url: string, cookie: string, server: NextServer): Promise<void> {
  const samples: number[] = [];
  const cpu0 = server.cpuMs();
  const caller = async () => {
    await new Promise((r) => setTimeout(r, Math.random() * PACE_MS));
    for (let tick = 0; tick < PACED_TICKS; tick++) {
      const started = performance.now();
      const a = await get(url, cookie);
      samples.push(performance.now() - started);
      fullPage(a);
      await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - (performance.now() - started))));
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
  const cpuPerCall = (server.cpuMs() - cpu0) / samples.length;
  const s = summarize(samples);
  console.log(
    `${label}, ${CALLERS} callers each polling every ${PACE_MS} ms × ${PACED_TICKS}: p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  ` +
      `p95 ${ms(s.p95)}  max ${ms(s.max)}  (server CPU ${ms(cpuPerCall)} per call)`,
  );
}

/** One call at a time: the latency without queueing, for comparison. */
async function alone(label: string, url: string, cookie: string): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 10 + 200; i++) {
    const t0 = performance.now();
    const a = await get(url, cookie);
    if (i >= 10) samples.push(performance.now() - t0);
    fullPage(a);
  }
  const s = summarize(samples);
  console.log(`${label}, one caller at a time (${s.n} calls): p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p95 ${ms(s.p95)}`);
}

export async function listOverHttp(appEnv: NodeJS.ProcessEnv, port: number): Promise<void> {
  if (!hasProductionBuild()) {
    console.log("deployments.list over HTTP: skipped — no production build (run `npm run build` first)");
    return;
  }
  const db = await freshDatabase();
  let server: NextServer | undefined;
  try {
    const { cookie } = await seed(db.conn.db);
    server = await startNext({
      port,
      env: { ...appEnv, DATABASE_URL: db.url, LOG_LEVEL: "warn" },
      cpuProfDir: process.env.BENCH_CPU_PROF_DIR,
    });
    const first = listUrl(server.url, { limit: PAGE });
    const deep = listUrl(server.url, { limit: PAGE, cursor: await deepCursor(server.url, cookie) });
    console.log(`deployments.list over HTTP: next start (own process), PostgreSQL, one user with ${ROWS} rows, ${PAGE} per page — goal p95 ≤ 20 ms with ${CALLERS} concurrent callers`);
    await rounds("first page", first, cookie, server);
    await rounds(`page after ${DEEP} rows`, deep, cookie, server);
    await paced("first page", first, cookie, server);
    await alone("first page", first, cookie);
    // The same server's floor under the same load: a route that does one trivial query.
    await rounds("for reference, GET /api/health", `${server.url}/api/health`, "", server, (a) => {
      if (a.status !== 200) throw new Error(`/api/health answered ${a.status}`);
    });
  } finally {
    agent.destroy();
    await server?.stop();
    await db.dispose();
  }
}
