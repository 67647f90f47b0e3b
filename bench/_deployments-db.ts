// A uniquely named, migrated and seeded database on the local PostgreSQL, dropped by dispose().
import pg from "pg";

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function freshDatabase() {
  const { createTestDatabase } = await import("../src/dev/inngest-runner/testing/postgres");
  const { connect, migrateDb } = await import("@/server/db/connect");
  const { seedModels } = await import("@/server/db/seed/models");
  const created = await createTestDatabase(ADMIN_URL);
  const conn = await connect({ driver: "node-postgres", url: created.url });
  await migrateDb(conn);
  await seedModels(conn.db);
  return {
    url: created.url,
    conn,
    async dispose() {
      await conn.close();
      await created.drop();
    },
  };
}
