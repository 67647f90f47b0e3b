// List API latency: `models.list` through the real tRPC route handler (HTTP Request in,
// Response out, superjson, auth cookie check, PGlite in-memory), compared with the bar of
// ~5 ms p50 / 11 ms p95 measured for the reference app's list API.
import { connect, migrateDb } from "@/server/db/connect";
import { seedModels } from "@/server/db/seed/models";
import { setConnectionForTesting } from "@/server/db";
import { localUserIdFor } from "@/server/auth/local-session";
import { startLocalSession } from "@/server/auth/local-session-store";
import { upsertUser } from "@/server/users/ensure-user";
import { ms, summarize } from "./_stats";

export default async function run() {
  process.env.AUTH_SECRET ??= "bench-secret";
  const conn = await connect({ driver: "pglite", url: "memory://" });
  await migrateDb(conn);
  await seedModels(conn.db);
  setConnectionForTesting(conn);
  const { GET } = await import("@/app/api/trpc/[trpc]/route");
  const email = "bench@example.com";
  await upsertUser(conn.db, { id: localUserIdFor(email), email, name: "Bench" });
  const cookie = `radium_session=${await startLocalSession(conn.db, { name: "Bench", email })}`;
  const url = `http://localhost/api/trpc/models.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;

  const call = async () => {
    const res = await GET(new Request(url, { headers: { cookie } }));
    if (res.status !== 200) throw new Error(`models.list answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 50; i++) await call(); // warm-up: JIT, prepared plans, user upsert
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  console.log(`models.list via /api/trpc (${s.n} calls, 17 rows): p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`);
  console.log(`bar (reference app list API): p50 5 ms, p95 11 ms → target p50 ≤ 2.5 ms, p95 ≤ 5.5 ms`);
  setConnectionForTesting(undefined);
  await conn.close();
}
