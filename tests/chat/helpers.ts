import { createCaller } from "@/server/api/root";
import { localUserIdFor, LOCAL_SESSION_COOKIE } from "@/server/auth/local-session";
import { startLocalSession } from "@/server/auth/local-session-store";
import { setConnectionForTesting } from "@/server/db";
import type { Db } from "@/server/db/types";
import { upsertUser } from "@/server/users/ensure-user";
import { settleChatWork } from "@/server/chat/respond";
import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../e2e/fakes/openai-server";
import { openTestDatabase, type TestBackend, type TestDatabase } from "../helpers/db";

process.env.AUTH_SECRET ??= "chat-tests-secret";

let n = 0;

export interface TestUser {
  id: string;
  name: string;
  email: string;
  cookie: string;
  caller: ReturnType<typeof createCaller>;
}

/** A signed-in user: a local session cookie for /api/chat and a tRPC caller, both for the same id. */
export async function newUser(db: Db, name = "Chat Tester"): Promise<TestUser> {
  const email = `chat-${process.pid}-${Date.now()}-${++n}@example.com`;
  const id = localUserIdFor(email);
  await upsertUser(db, { id, email, name });
  const cookie = `${LOCAL_SESSION_COOKIE}=${encodeURIComponent(await startLocalSession(db, { name, email }))}`;
  return { id, name, email, cookie, caller: createCaller({ db, user: { id, name, email } }) };
}

/** Makes getDb() (used by the route) answer with the test database. */
export function useTestConnection(tdb: TestDatabase) {
  setConnectionForTesting(tdb);
  return () => setConnectionForTesting(undefined);
}

/**
 * A fresh database (PGlite unless named) for the enclosing describe block, installed as the app's
 * connection for its tests and disposed after them. Read `.db` inside tests (it exists once beforeAll ran).
 */
export function suiteDatabase(backend: TestBackend = "pglite"): { readonly db: TestDatabase["db"] } {
  let tdb: TestDatabase | undefined;
  let release: (() => void) | undefined;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    release = useTestConnection(tdb);
  });
  afterAll(async () => {
    release?.();
    await tdb?.dispose();
  });
  return {
    get db() {
      if (!tdb) throw new Error("suiteDatabase(): the database is opened in beforeAll");
      return tdb.db;
    },
  };
}

/**
 * OpenAI's Chat Completions wire fake for the enclosing describe block, with OPENAI_API_KEY and
 * OPENAI_BASE_URL pointing the app at it (restored after). Read `.fake` inside tests.
 */
export function suiteOpenAIFake(): { readonly fake: FakeOpenAI } {
  let fake: FakeOpenAI | undefined;
  const saved = { OPENAI_API_KEY: process.env.OPENAI_API_KEY, OPENAI_BASE_URL: process.env.OPENAI_BASE_URL };
  beforeAll(async () => {
    fake = await startFakeOpenAI({ chunkDelayMs: 0 });
    process.env.OPENAI_API_KEY = "test-key";
    process.env.OPENAI_BASE_URL = fake.url;
  });
  afterAll(async () => {
    await fake?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  return {
    get fake() {
      if (!fake) throw new Error("suiteOpenAIFake(): the fake starts in beforeAll");
      return fake;
    },
  };
}

export function chatRequest(body: unknown, opts: { cookie?: string; signal?: AbortSignal; raw?: string } = {}): Request {
  return new Request("http://localhost/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    body: opts.raw ?? JSON.stringify(body),
    signal: opts.signal,
  });
}

export function userMessage(text: string, id = crypto.randomUUID()) {
  return { id, role: "user" as const, parts: [{ type: "text" as const, text }] };
}

/** Parses an SSE UI message stream into its chunks (and waits for post-stream work such as saving). */
export async function readChunks(res: Response): Promise<UIMessageChunk[]> {
  const text = await res.text();
  await settleChatWork();
  return parseSse(text);
}

export function parseSse(text: string): UIMessageChunk[] {
  return text
    .split("\n\n")
    .map((block) => block.trim())
    .filter((block) => block.startsWith("data: ") && block !== "data: [DONE]")
    .map((block) => JSON.parse(block.slice("data: ".length)) as UIMessageChunk);
}

export function textOf(chunks: UIMessageChunk[]): string {
  return chunks.map((c) => (c.type === "text-delta" ? c.delta : "")).join("");
}
