// `npm run db:migrate`: applies drizzle/ migrations and the model catalog to DATABASE_URL
// (or the embedded database when unset).
import { describeDb, resolveDbConfig } from "./config";
import { connect, migrateDb } from "./connect";
import { seedModels } from "./seed/models";

const config = resolveDbConfig();
const conn = await connect(config);
try {
  await migrateDb(conn);
  const n = await seedModels(conn.db);
  console.info(`[db] migrated ${describeDb(config)}; ${n} catalog models upserted`);
} finally {
  await conn.close();
}
