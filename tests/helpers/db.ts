import crypto from "node:crypto";
import pg from "pg";
import { connect, migrateDb, type Connection } from "@/server/db/connect";
import { seedModels } from "@/server/db/seed/models";
import { startWsRelay } from "./ws-relay";

export type TestBackend = "pglite" | "postgres" | "neon";

/** PGlite always; the local PostgreSQL (directly and through the Neon driver) when TEST_DATABASE_URL is given. */
export function testBackends(): TestBackend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres", "neon"] : ["pglite"];
}

export interface TestDatabase extends Connection {
  backend: TestBackend;
  /** Closes the connection and drops the per-test database. */
  dispose: () => Promise<void>;
}

/** A fresh, migrated and seeded database on the given backend. */
export async function openTestDatabase(backend: TestBackend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const conn = await connect({ driver: "pglite", url: "memory://" });
    await migrateDb(conn);
    await seedModels(conn.db);
    return { ...conn, backend, dispose: conn.close };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is required for the PostgreSQL backends");
  const name = `radium_test_${crypto.randomBytes(6).toString("hex")}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`create database ${name}`);
  await adminClient.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;

  let relay: Awaited<ReturnType<typeof startWsRelay>> | undefined;
  let conn: Connection;
  if (backend === "neon") {
    relay = await startWsRelay();
    const { neonConfig } = await import("@neondatabase/serverless");
    const relayPort = relay.port;
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${relayPort}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
    conn = await connect({ driver: "neon", url: url.toString() });
  } else {
    conn = await connect({ driver: "node-postgres", url: url.toString() });
  }
  await migrateDb(conn);
  await seedModels(conn.db);
  return {
    ...conn,
    backend,
    dispose: async () => {
      await conn.close();
      await relay?.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
