/**
 * The /api/trpc route handler as Next calls it: malformed input is a 400 naming the field (never a
 * database error), internal errors are a generic message with the request id (the real error is
 * logged with that id), batches are capped, cross-site and non-JSON mutations are refused, and a
 * path that is not valid percent-encoding is a 400. Nothing refused has run.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { createChat } from "@/server/chat/chats";
import { insertMessage } from "@/server/chat/messages";
import { saveVersion } from "@/server/chat/documents";
import { chats, documents } from "@/server/db/schema";
import { newUser, suiteDatabase, useTestConnection, type TestUser } from "../chat/helpers";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { errorOf, LEAK, ORIGIN, trpcBatchMutation, trpcMutation, trpcQuery } from "../helpers/trpc-http";

const logged = vi.hoisted(() => [] as Array<{ level: string; bindings: Record<string, unknown>; obj: unknown; msg?: string }>);
vi.mock("@/server/log", () => {
  type Line = (obj: unknown, msg?: string) => void;
  interface FakeLogger {
    error: Line;
    warn: Line;
    info: Line;
    debug: Line;
    child: (b: Record<string, unknown>) => FakeLogger;
  }
  const make = (bindings: Record<string, unknown>): FakeLogger => {
    const at = (level: string): Line => (obj, msg) => logged.push({ level, bindings, obj, msg });
    return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug"), child: (b) => make({ ...bindings, ...b }) };
  };
  return { logger: make({}), requestLogger: (requestId: string) => make({ requestId }) };
});

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const FAR_FUTURE = new Date(8.64e15); // +275760-09-13, the largest Date JavaScript has

describe.each(testBackends())("/api/trpc route on %s", (backend) => {
  let tdb: TestDatabase;
  let release: () => void;
  let alice: TestUser;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    release = useTestConnection(tdb);
    alice = await newUser(tdb.db, "Alice");
  });
  afterAll(async () => {
    release?.();
    await tdb?.dispose();
  });
  beforeEach(() => {
    logged.length = 0;
  });

  async function chatsOf(user: TestUser, n: number, title = "Original") {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { chat } = await createChat(tdb.db, { id: crypto.randomUUID(), userId: user.id, model: OFFLINE_MODEL_ID, title });
      ids.push(chat.id);
    }
    return ids;
  }

  async function titles(ids: string[]) {
    const rows = await tdb.db.select({ title: chats.title }).from(chats).where(inArray(chats.id, ids));
    return rows.map((r) => r.title);
  }

  describe("malformed input", () => {
    it("answers 400 naming the field for NUL, lone surrogates, far dates and bad cursors; no SQL, parameters or paths", async () => {
      const [chatId = ""] = await chatsOf(alice, 1);
      const answer = crypto.randomUUID();
      await insertMessage(tdb.db, { id: answer, chatId, role: "assistant", parts: [{ type: "text", text: "Hi" }], createdAt: new Date() });
      const doc = await saveVersion(tdb.db, { id: crypto.randomUUID(), userId: alice.id, chatId, title: "Doc", kind: "text", content: "Hello" });
      const cookie = { cookie: alice.cookie };

      const cases: Array<{ name: string; req: Request; message: RegExp }> = [
        { name: "rename NUL", req: trpcMutation("chats.rename", { id: chatId, title: "a\u0000b" }, cookie), message: /^title: Text must not contain NUL/ },
        { name: "rename lone surrogate", req: trpcMutation("chats.rename", { id: chatId, title: "a\uD800b" }, cookie), message: /^title: Text must be valid Unicode/ },
        { name: "setModel NUL", req: trpcMutation("chats.setModel", { id: chatId, model: "offline\u0000" }, cookie), message: /^model: Text must not contain NUL/ },
        { name: "history cursor NUL", req: trpcQuery("chats.history", { cursor: "abc\u0000" }, cookie), message: /^cursor: / },
        { name: "history cursor non-uuid id", req: trpcQuery("chats.history", { cursor: cursorOf([new Date().toISOString(), "not-a-uuid"]) }, cookie), message: /^cursor: Invalid cursor/ },
        { name: "history cursor year 275760", req: trpcQuery("chats.history", { cursor: cursorOf([FAR_FUTURE.toISOString(), crypto.randomUUID()]) }, cookie), message: /^cursor: Invalid cursor/ },
        { name: "history cursor id with NUL", req: trpcQuery("chats.history", { cursor: cursorOf([new Date().toISOString(), "\u0000"]) }, cookie), message: /^cursor: Invalid cursor/ },
        { name: "save NUL", req: trpcMutation("documents.save", { id: doc.id, content: "x\u0000y" }, cookie), message: /^content: Text must not contain NUL/ },
        { name: "save lone surrogate", req: trpcMutation("documents.save", { id: doc.id, content: "\uDC00" }, cookie), message: /^content: Text must be valid Unicode/ },
        { name: "restore year 275760", req: trpcMutation("documents.restore", { id: doc.id, createdAt: FAR_FUTURE }, cookie), message: /^createdAt: Date must be between 2000 and 2100/ },
        { name: "restore year 275760 as a string", req: trpcMutation("documents.restore", { id: doc.id, createdAt: "+275760-09-13T00:00:00.000Z" }, cookie), message: /^createdAt: Date must be between/ },
        { name: "models.list search NUL", req: trpcQuery("models.list", { search: "\u0000" }, cookie), message: /^search: Text must not contain NUL/ },
        { name: "models.list provider NUL", req: trpcQuery("models.list", { provider: "Meta\u0000" }, cookie), message: /^provider: Text must not contain NUL/ },
        { name: "models.byId NUL", req: trpcQuery("models.byId", { id: "gpt\u0000" }, cookie), message: /^id: Text must not contain NUL/ },
        { name: "vote messageId NUL", req: trpcMutation("votes.vote", { chatId, messageId: "\u0000", type: "up" }, cookie), message: /^messageId: Text must not contain NUL/ },
        { name: "vote messageId lone surrogate", req: trpcMutation("votes.vote", { chatId, messageId: "\uD83D", type: "up" }, cookie), message: /^messageId: Text must be valid Unicode/ },
      ];
      for (const c of cases) {
        const res = c.req.method === "GET" ? await GET(c.req) : await POST(c.req);
        const text = await res.text();
        expect(res.status, `${c.name}: ${text}`).toBe(400);
        const error = errorOf(JSON.parse(text));
        expect(error.message, c.name).toMatch(c.message);
        expect(error.data.code).toBe("BAD_REQUEST");
        expect(error.data.requestId, c.name).toEqual(expect.any(String));
        expect(text, c.name).not.toMatch(LEAK);
      }
      // Nothing was changed by the refused calls.
      expect(await titles([chatId])).toEqual(["Original"]);
      expect(await tdb.db.select().from(documents).where(eq(documents.id, doc.id))).toHaveLength(1);
    });

    it("a valid cursor still pages", async () => {
      const bob = await newUser(tdb.db, "Bob");
      await chatsOf(bob, 3);
      const first = errorFree(await (await GET(trpcQuery("chats.history", { limit: 2 }, { cookie: bob.cookie }))).json());
      const page = first as { items: unknown[]; nextCursor: string };
      expect(page.items).toHaveLength(2);
      const second = errorFree(await (await GET(trpcQuery("chats.history", { limit: 2, cursor: page.nextCursor }, { cookie: bob.cookie }))).json());
      expect((second as { items: unknown[] }).items).toHaveLength(1);
    });
  });

  describe("errors", () => {
    it("every error carries the request id: the caller's when sane, else a fresh one (also in the x-request-id header)", async () => {
      const res = await GET(trpcQuery("models.byId", { id: "no-such-model" }, { cookie: alice.cookie, "x-request-id": "req-1234abcd" }));
      expect(res.status).toBe(404);
      expect(res.headers.get("x-request-id")).toBe("req-1234abcd");
      expect(errorOf(await res.json()).data.requestId).toBe("req-1234abcd");

      const anon = await GET(trpcQuery("models.list", {}, { "x-request-id": "bad id\n" }));
      expect(anon.status).toBe(401);
      const id = errorOf(await anon.json()).data.requestId;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(anon.headers.get("x-request-id")).toBe(id);
    });

    it("answers and refusals carry the API's CSP, the security headers and the request id (the proxy does not run here)", async () => {
      const ok = await GET(trpcQuery("chats.history", { limit: 5 }, { cookie: alice.cookie, "x-request-id": "req-headers-01" }));
      const refused = await POST(trpcMutation("chats.deleteAll", undefined, { cookie: alice.cookie, origin: "https://evil.example" }));
      expect([ok.status, refused.status]).toEqual([200, 403]);
      for (const res of [ok, refused]) {
        expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
        expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
      }
      expect(ok.headers.get("x-request-id")).toBe("req-headers-01");
    });

    it("never sends a stack trace", async () => {
      const res = await GET(trpcQuery("models.byId", { id: "no-such-model" }, { cookie: alice.cookie }));
      const error = errorOf(await res.json());
      expect(error.data.stack).toBeUndefined();
    });
  });

  describe("batches", () => {
    it("26 calls in one batch are refused with a 400 before any runs; 25 run", async () => {
      const ids = await chatsOf(alice, 26);
      const rename = (id: string) => ({ path: "chats.rename", input: { id, title: "Renamed" } });
      const refused = await POST(trpcBatchMutation(ids.map(rename), { cookie: alice.cookie }));
      expect(refused.status).toBe(400);
      const error = errorOf(await refused.json());
      expect(error.message).toBe("A batch can hold at most 25 calls; this one has 26.");
      expect(error.data.requestId).toEqual(expect.any(String));
      expect(await titles(ids)).toEqual(Array(26).fill("Original"));

      // The same cap for queries over GET.
      const queries = Array.from({ length: 26 }, () => "chats.models").join(",");
      const get = await GET(new Request(`${ORIGIN}/api/trpc/${queries}?batch=1&input=%7B%7D`, { headers: { cookie: alice.cookie } }));
      expect(get.status).toBe(400);

      const ok = await POST(trpcBatchMutation(ids.slice(0, 25).map(rename), { cookie: alice.cookie }));
      expect(ok.status).toBe(200);
      const results = (await ok.json()) as Array<{ result?: unknown }>;
      expect(results).toHaveLength(25);
      expect(results.every((r) => r.result)).toBe(true);
      expect((await titles(ids)).filter((t) => t === "Renamed")).toHaveLength(25);
    });
  });

  describe("cross-site and content type", () => {
    it("refuses a cross-site multipart POST to a mutation with a valid session (403); nothing is deleted", async () => {
      const victim = await newUser(tdb.db, "Victim");
      const ids = await chatsOf(victim, 2);
      const form = new FormData();
      form.set("x", "1");
      const res = await POST(
        new Request(`${ORIGIN}/api/trpc/chats.deleteAll`, { method: "POST", headers: { cookie: victim.cookie, origin: "https://evil.example" }, body: form }),
      );
      expect(res.status).toBe(403);
      expect(errorOf(await res.json()).message).toBe("Cross-site requests are not allowed.");
      expect(await titles(ids)).toHaveLength(2);
    });

    it("refuses cross-site JSON mutations by Origin or, without one, by Sec-Fetch-Site", async () => {
      const ids = await chatsOf(alice, 1);
      const rename = { id: ids[0], title: "Pwned" };
      const byOrigin = await POST(trpcMutation("chats.rename", rename, { cookie: alice.cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" }));
      expect(byOrigin.status).toBe(403);
      const bySite = new Request(`${ORIGIN}/api/trpc/chats.rename`, {
        method: "POST",
        headers: { cookie: alice.cookie, "content-type": "application/json", "sec-fetch-site": "cross-site" },
        body: JSON.stringify({ json: rename }),
      });
      expect((await POST(bySite)).status).toBe(403);
      const nullOrigin = await POST(trpcMutation("chats.rename", rename, { cookie: alice.cookie, origin: "null" }));
      expect(nullOrigin.status).toBe(403);
      expect(await titles(ids)).toEqual(["Original"]);
    });

    it("accepts only application/json for mutations (415 for multipart, text/plain, octet-stream, none); nothing runs", async () => {
      const victim = await newUser(tdb.db, "Victim");
      const ids = await chatsOf(victim, 1);
      const same = { cookie: victim.cookie, origin: ORIGIN };
      const form = new FormData();
      form.set("id", ids[0] ?? "");
      const bodies: Array<{ name: string; init: RequestInit }> = [
        { name: "multipart", init: { headers: same, body: form } },
        { name: "text/plain", init: { headers: { ...same, "content-type": "text/plain" }, body: "{}" } },
        { name: "octet-stream", init: { headers: { ...same, "content-type": "application/octet-stream" }, body: "{}" } },
        { name: "none", init: { headers: same } },
        { name: "json lookalike", init: { headers: { ...same, "content-type": "application/jsonp" }, body: "{}" } },
      ];
      for (const b of bodies) {
        const res = await POST(new Request(`${ORIGIN}/api/trpc/chats.deleteAll`, { method: "POST", ...b.init }));
        expect(res.status, b.name).toBe(415);
        expect(errorOf(await res.json()).message, b.name).toBe("tRPC calls must be sent as application/json.");
      }
      expect(await titles(ids)).toHaveLength(1);

      const ok = await POST(trpcMutation("chats.deleteAll", undefined, { cookie: victim.cookie, "content-type": "application/json; charset=utf-8" }));
      expect(ok.status).toBe(200);
      expect(await titles(ids)).toHaveLength(0);
    });
  });

  describe("paths", () => {
    it("a path that is not valid percent-encoding is a 400, not a 500", async () => {
      for (const handler of [GET, POST]) {
        const res = await handler(
          new Request(`${ORIGIN}/api/trpc/%E0%A4%A`, { method: handler === GET ? "GET" : "POST", headers: { cookie: alice.cookie, "content-type": "application/json", origin: ORIGIN }, body: handler === GET ? undefined : "{}" }),
        );
        expect(res.status).toBe(400);
        const text = await res.text();
        expect(errorOf(JSON.parse(text)).message).toBe("The procedure path is not valid percent-encoding.");
        expect(text).not.toMatch(LEAK);
      }
    });
  });
});

describe("/api/trpc internal errors", () => {
  const tdb = suiteDatabase();

  it("sends a generic message with the request id and logs the real database error with that id", async () => {
    const user = await newUser(tdb.db);
    // A database that fails the way a real one can (here: the table is gone).
    await tdb.db.execute(sql`alter table notifications rename to notifications_moved`);
    logged.length = 0;
    const res = await GET(trpcQuery("notifications.list", {}, { cookie: user.cookie, "x-request-id": "req-internal-1" }));
    expect(res.status).toBe(500);
    const text = await res.text();
    const error = errorOf(JSON.parse(text));
    expect(error.message).toBe("Something went wrong on the server. If it keeps happening, report it with request id req-internal-1.");
    expect(error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, requestId: "req-internal-1" });
    expect(text).not.toMatch(LEAK);
    expect(error.message).not.toContain("notifications");
    const line = logged.find((l) => l.level === "error");
    expect(line?.bindings.requestId).toBe("req-internal-1");
    expect(line).toBeDefined();
    expect(String((line?.obj as { err?: unknown } | undefined)?.err)).toMatch(/notifications/);
  });
});

function errorFree(body: unknown): unknown {
  const b = body as { result?: { data?: { json?: unknown } }; error?: unknown };
  if (b.error) throw new Error(`unexpected error: ${JSON.stringify(b.error)}`);
  return b.result?.data?.json;
}
