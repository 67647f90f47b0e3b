/**
 * POST /api/chat refuses cross-site requests (CSRF) and authenticates before it validates:
 * request → status → nothing written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { chats, messages } from "@/server/db/schema";
import { newUser, readChunks, suiteDatabase, userMessage } from "./helpers";

process.env.OFFLINE_MODEL_DELAY_MS = "0";

function turnBody(chatId: string) {
  return JSON.stringify({ id: chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, message: userMessage("Write a short essay about the ocean") });
}

function post(headers: Record<string, string>, body: string) {
  return POST(new Request("http://localhost/api/chat", { method: "POST", headers, body }));
}

describe("POST /api/chat security", () => {
  const tdb = suiteDatabase();

  async function written(chatId: string) {
    const chat = await tdb.db.select().from(chats).where(eq(chats.id, chatId));
    const msgs = await tdb.db.select().from(messages).where(eq(messages.chatId, chatId));
    return chat.length + msgs.length;
  }

  it("refuses a cross-site text/plain POST carrying a valid session: 403 problem, nothing written", async () => {
    const u = await newUser(tdb.db);
    const forged: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://localhost.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of forged) {
      const chatId = crypto.randomUUID();
      const res = await post({ "content-type": "text/plain", cookie: u.cookie, ...headers }, turnBody(chatId));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 403, title: "Forbidden", instance: "/api/chat" });
      expect(await written(chatId)).toBe(0);
    }
  });

  it("accepts the same request from the site itself", async () => {
    const u = await newUser(tdb.db);
    const chatId = crypto.randomUUID();
    const res = await post({ "content-type": "application/json", cookie: u.cookie, origin: "http://localhost", "sec-fetch-site": "same-origin" }, turnBody(chatId));
    expect(res.status).toBe(200);
    await readChunks(res);
    expect(await written(chatId)).toBeGreaterThan(0);
  });

  it("authenticates before validating: a signed-out bad body gets 401, not 400", async () => {
    for (const [cookie, body] of [
      [undefined, "{not json"],
      [undefined, JSON.stringify({ id: "not-a-uuid" })],
      ["radium_session=%zz", "{not json"],
      ["radium_session=eyJzdWIiOiJ1c2VyX3gifQ.forged", JSON.stringify({ trigger: "nope" })],
    ] as const) {
      const res = await post({ "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body);
      expect(res.status, `${cookie} ${body}`).toBe(401);
      expect(await res.json()).toMatchObject({ status: 401, title: "Unauthorized", code: "unauthorized:auth", detail: "Sign in to chat." });
    }
  });
});
