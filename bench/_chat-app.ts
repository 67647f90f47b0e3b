// The production build (`next start`, its own process) on PostgreSQL or on PGlite, with one signed-in
// user owning CHATS chats (the first with a short conversation): what `history` and `first-byte` measure.
import fs from "node:fs";
import os from "node:os";
import { eq } from "drizzle-orm";
import path from "node:path";
import { freshDatabase, postgresAnswers } from "./_deployments-db";
import { hasProductionBuild, type NextServer, startNext } from "./_next-start";

export type DbKind = "postgres" | "pglite";

export const CHATS = 100;
const MESSAGES = 12;
const AUTH_SECRET = "bench-chat-app-secret";

/** Quick mode: a short smoke run that fails loudly (non-zero exit) instead of skipping. */
export const QUICK = process.env.BENCH_QUICK === "1";

/** Bench ports come from BENCH_PORT (default 3370), so parallel runs can be kept apart. */
export const basePort = () => Number(process.env.BENCH_PORT ?? 3370);

export interface ChatApp {
  kind: DbKind;
  server: NextServer;
  /** The Cookie header of the signed-in user. */
  cookie: string;
  /** The session cookie's value alone (for a browser context). */
  session: { name: string; value: string };
  /** The chat holding a conversation, most recently updated. */
  chatId: string;
  stop(): Promise<void>;
}

export type Db = Awaited<ReturnType<typeof freshDatabase>>["conn"]["db"];

export interface ChatAppOptions {
  /** More rows for the user, written after the chats and before the server starts. */
  seed?: (db: Db, userId: string) => Promise<void>;
}

async function seed(db: Db, more?: ChatAppOptions["seed"]): Promise<{ session: ChatApp["session"]; chatId: string }> {
  const { localUserIdFor, LOCAL_SESSION_COOKIE } = await import("@/server/auth/local-session");
  const { startLocalSession } = await import("@/server/auth/local-session-store");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { chats, messages } = await import("@/server/db/schema");
  const email = "bench-chat-app@example.com";
  const userId = localUserIdFor(email);
  await upsertUser(db, { id: userId, email, name: "Bench" });
  const value = await startLocalSession(db, { name: "Bench", email }, Buffer.from(AUTH_SECRET));
  const now = Date.now();
  const rows = Array.from({ length: CHATS }, (_, i) => ({
    id: crypto.randomUUID(),
    userId,
    title: `Bench chat ${i + 1}: a title about as long as a real one`,
    model: "offline",
    createdAt: new Date(now - (i + 1) * 3_600_000),
    updatedAt: new Date(now - i * 60_000),
  }));
  await db.insert(chats).values(rows);
  const chatId = rows[0]?.id ?? "";
  // One branch: each message follows the one before, and the last is the chat's tip.
  await db.insert(messages).values(
    Array.from({ length: MESSAGES }, (_, i) => ({
      id: `bench-msg-${i}`,
      chatId,
      parentId: i > 0 ? `bench-msg-${i - 1}` : null,
      role: i % 2 === 0 ? ("user" as const) : ("assistant" as const),
      parts: [{ type: "text" as const, text: `Message ${i + 1}. `.repeat(i % 2 === 0 ? 4 : 40) }],
      createdAt: new Date(now - (MESSAGES - i) * 1000),
    })),
  );
  await db.update(chats).set({ leafId: `bench-msg-${MESSAGES - 1}` }).where(eq(chats.id, chatId));
  await more?.(db, userId);
  return { session: { name: LOCAL_SESSION_COOKIE, value }, chatId };
}

/**
 * The kinds to run: PGlite always, PostgreSQL when it answers (required in quick mode).
 * BENCH_DB=pg or BENCH_DB=pglite runs one only, as in the chat bench.
 */
export async function databaseKinds(): Promise<DbKind[]> {
  if (process.env.BENCH_DB === "pglite") return ["pglite"];
  const pg = await postgresAnswers();
  if (process.env.BENCH_DB === "pg") {
    if (!pg) throw new Error("BENCH_DB=pg, but no PostgreSQL answers at TEST_DATABASE_URL (or 127.0.0.1:5432)");
    return ["postgres"];
  }
  if (pg) return ["postgres", "pglite"];
  if (QUICK) throw new Error("no PostgreSQL answers at TEST_DATABASE_URL (or 127.0.0.1:5432)");
  console.log("PostgreSQL: skipped — no server answers; PGlite only");
  return ["pglite"];
}

/** Null (after saying why) when there is no production build; quick mode fails instead. */
export function buildPresent(bench: string): boolean {
  if (hasProductionBuild()) return true;
  if (QUICK) throw new Error(`${bench}: no production build (run \`npm run build\` first)`);
  console.log(`${bench}: skipped — no production build (run \`npm run build\` first)`);
  return false;
}

export async function startChatApp(kind: DbKind, port: number, opts: ChatAppOptions = {}): Promise<ChatApp> {
  const appEnv: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET, LOG_LEVEL: "warn", OPENAI_API_KEY: "" };
  let dispose: () => Promise<void>;
  let seeded: Awaited<ReturnType<typeof seed>>;
  if (kind === "postgres") {
    const db = await freshDatabase();
    dispose = db.dispose;
    seeded = await seed(db.conn.db, opts.seed).catch(async (err: unknown) => {
      await dispose();
      throw err;
    });
    appEnv.DATABASE_URL = db.url;
  } else {
    // Seeded here and closed before the server opens it: PGlite's directory has one owner at a time.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-chat-app-"));
    const { connect, migrateDb } = await import("@/server/db/connect");
    const { seedModels } = await import("@/server/db/seed/models");
    dispose = async () => fs.rmSync(dir, { recursive: true, force: true });
    const seedDir = async () => {
      const conn = await connect({ driver: "pglite", url: dir });
      try {
        await migrateDb(conn);
        await seedModels(conn.db);
        return await seed(conn.db, opts.seed);
      } finally {
        await conn.close();
      }
    };
    seeded = await seedDir().catch(async (err: unknown) => {
      await dispose();
      throw err;
    });
    appEnv.DATABASE_URL = "";
    appEnv.PGLITE_DIR = dir;
  }
  let server: NextServer;
  try {
    server = await startNext({ port, env: appEnv, cpuProfDir: process.env.BENCH_CPU_PROF_DIR });
  } catch (err) {
    await dispose();
    throw err;
  }
  return {
    kind,
    server,
    cookie: `${seeded.session.name}=${encodeURIComponent(seeded.session.value)}`,
    session: seeded.session,
    chatId: seeded.chatId,
    async stop() {
      await server.stop();
      await dispose();
    },
  };
}
