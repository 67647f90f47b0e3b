// `costs.summary` and `dashboard.summary` with 100,000 cost records for one user on the local
// PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). Goal p95 ≤ 20 ms.
// 1. Over HTTP against the production build (`next start`, its own process): one caller at a time
//    (10 warm-up + 200 timed calls), then 10 callers at once × 30 rounds. Skipped without `npm run build`.
// 2. In process through the tRPC route handler (Request in, Response out; no build needed), same counts.
// The records are spread over the last 31 days across 200 resources (the month-to-date rollup then
// holds up to 31 days × 200 resources × 2 types), with 50 datasets, 20 deployments (with timelines)
// and 5 live training jobs for the dashboard. Run with `npm run bench -- costs`.
import http from "node:http";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { ADMIN_URL, freshDatabase, postgresAnswers } from "./_deployments-db";
import { hasProductionBuild, startNext } from "./_next-start";
import { ms, summarize } from "./_stats";

const RECORDS = 100_000;
const RESOURCES = 200;
const WARMUP = 10;
const CALLS = 200;
const CALLERS = 10;
const ROUNDS = 30;
const PROCEDURES = ["costs.summary", "dashboard.summary"] as const;

type Db = Awaited<ReturnType<typeof freshDatabase>>["conn"]["db"];

export async function seed(db: Db): Promise<{ cookie: string; userId: string }> {
  const { localUserIdFor, LOCAL_SESSION_COOKIE } = await import("@/server/auth/local-session");
  const { startLocalSession } = await import("@/server/auth/local-session-store");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { budgets, datasets, deploymentEvents, deployments, trainingJobs } = await import("@/server/db/schema");
  const { defaultDeploymentConfig, withoutSecretValues } = await import("@/lib/deployments/schema");
  const email = "bench-costs@example.com";
  const userId = localUserIdFor(email);
  await upsertUser(db, { id: userId, email, name: "Bench" });
  const cookie = `${LOCAL_SESSION_COOKIE}=${encodeURIComponent(await startLocalSession(db, { name: "Bench", email }))}`;

  // 100,000 lines, one every 26.8 s back from now (31 days), over 200 resources of four kinds.
  await db.execute(sql`
    insert into cost_records (user_id, type, amount, details, resource_type, resource_id, billing_period, period_start, period_end, idempotency_key)
    select ${userId},
           case when i % 3 = 0 then 'storage' else 'compute' end,
           1000 + (i * 7919) % 5000000,
           '{"kind":"deployment","replicas":1,"hourlyCents":80,"billedSeconds":300}'::jsonb,
           (array['deployment','training_job','dataset','artifact'])[1 + (i % ${RESOURCES}) % 4],
           md5('bench-resource-' || (i % ${RESOURCES}))::uuid,
           to_char(ts at time zone 'UTC', 'YYYY-MM'), ts, ts + interval '5 minutes', 'bench:' || i
    from (select i, now() - i * interval '26.8 seconds' as ts from generate_series(1, ${RECORDS}) i) s`);
  // The rollup exactly as the ledger keeps it (src/server/costs/ledger.ts).
  await db.execute(sql`
    insert into cost_daily (user_id, day, type, resource_type, resource_id, amount)
    select user_id, (period_start at time zone 'UTC')::date, type, resource_type, resource_id, sum(amount)
    from cost_records where user_id = ${userId} group by 1, 2, 3, 4, 5`);
  await db.insert(budgets).values({ userId, monthlyBudgetCents: 5_000_000, hardLimit: false });

  const sets = Array.from({ length: 50 }, (_, i) => ({
    userId,
    name: `bench-dataset-${i}`,
    fileName: "d.jsonl",
    contentType: "application/jsonl",
    fileSize: 1_000_000 + i,
    storageKind: "local" as const,
    storageKey: `${userId}/bench-${i}/d.jsonl`,
    status: "ready" as const,
    uploadedAt: new Date(),
    createdAt: new Date(Date.now() - i * 60_000),
  }));
  const inserted = await db.insert(datasets).values(sets).returning({ id: datasets.id });
  const deps = await db
    .insert(deployments)
    .values(
      Array.from({ length: 20 }, (_, i) => {
        const name = `bench-ep-${i}`;
        return {
          userId,
          name,
          modelId: "meta-llama-3.1-8b-instruct",
          config: withoutSecretValues({ ...defaultDeploymentConfig, name, modelId: "meta-llama-3.1-8b-instruct" }),
          status: i % 2 === 0 ? ("active" as const) : ("paused" as const),
          hourlyCents: 80,
          monthlyMinCents: 58_400,
          monthlyExpectedCents: 58_400,
          monthlyMaxCents: 116_800,
          termsVersion: "bench",
          termsAcceptedAt: new Date(),
          paymentBrand: "visa",
          paymentLast4: "4242",
          paymentExpMonth: 12,
          paymentExpYear: 2099,
          idempotencyKey: `bench-${i}`,
        };
      }),
    )
    .returning({ id: deployments.id });
  await db.insert(deploymentEvents).values(
    deps.flatMap((d) => [
      { deploymentId: d.id, fromStatus: null, toStatus: "pending" as const, step: "created" },
      { deploymentId: d.id, fromStatus: "pending" as const, toStatus: "active" as const, step: "became_active" },
    ]),
  );
  const datasetId = inserted[0]?.id;
  if (!datasetId) throw new Error("no dataset");
  await db.insert(trainingJobs).values(
    Array.from({ length: 5 }, (_, i) => ({
      userId,
      name: `bench-job-${i}`,
      datasetId,
      modelId: "meta-llama-3.1-8b-instruct",
      graph: {} as never,
      config: {} as never,
      estimate: {} as never,
      estimatedTotalCents: 1000,
      status: "running" as const,
      stage: "training" as const,
      totalEpochs: 3,
      totalSteps: 300,
      currentStep: 100 + i,
      idempotencyKey: `bench-job-${i}`,
    })),
  );
  await db.execute(sql`analyze`);
  return { cookie, userId };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CALLERS });

function get(url: string, cookie: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, text: (res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString() });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function check(procedure: string, a: { status: number; text: string }) {
  if (a.status !== 200) throw new Error(`${procedure} answered ${a.status}: ${a.text.slice(0, 300)}`);
}

async function measure(label: string, call: () => Promise<void>, concurrent: boolean) {
  for (let i = 0; i < WARMUP; i++) await call();
  const samples: number[] = [];
  const timed = async () => {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  };
  if (concurrent) for (let r = 0; r < ROUNDS; r++) await Promise.all(Array.from({ length: CALLERS }, timed));
  else for (let i = 0; i < CALLS; i++) await timed();
  const s = summarize(samples);
  console.log(`${label}: p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  (${s.n} calls)`);
}

export default async function run(): Promise<void> {
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.LOG_LEVEL ??= "warn";
  if (!(await postgresAnswers())) {
    console.log(`costs: skipped — no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")}`);
    return;
  }
  const db = await freshDatabase();
  const { setConnectionForTesting } = await import("@/server/db");
  let server: Awaited<ReturnType<typeof startNext>> | undefined;
  try {
    const { cookie } = await seed(db.conn.db);
    console.log(`costs: one user with ${RECORDS} cost records over 31 days, ${RESOURCES} resources, PostgreSQL — goal p95 ≤ 20 ms`);
    if (hasProductionBuild()) {
      const { freePort } = await import("../src/dev/inngest-runner/testing/child-runner");
      server = await startNext({ port: await freePort(), env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "warn" } });
      for (const p of PROCEDURES) {
        const url = `${server.url}/api/trpc/${p}`;
        const call = async () => check(p, await get(url, cookie));
        await measure(`${p} over HTTP (next start), one caller at a time`, call, false);
        await measure(`${p} over HTTP (next start), ${CALLERS} callers at once`, call, true);
      }
    } else {
      console.log("costs over HTTP: skipped — no production build (run `npm run build` first)");
    }
    // In process: the tRPC route handler the server runs, against the same database.
    setConnectionForTesting(db.conn);
    const { GET } = await import("@/app/api/trpc/[trpc]/route");
    for (const p of PROCEDURES) {
      const url = `http://localhost/api/trpc/${p}`;
      const call = async () => {
        const res = await GET(new Request(url, { headers: { cookie } }));
        check(p, { status: res.status, text: await res.text() });
      };
      await measure(`${p} in process (tRPC route handler, no HTTP), one caller at a time`, call, false);
    }
  } finally {
    agent.destroy();
    await server?.stop();
    setConnectionForTesting(undefined);
    await db.dispose();
  }
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
