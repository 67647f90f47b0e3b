/**
 * POST /api/chat refuses text the database cannot store (NUL, lone surrogates) with a 400 naming
 * the field, before anything is written.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { chats } from "@/server/db/schema";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { LEAK } from "../helpers/trpc-http";
import { chatRequest, newUser, useTestConnection, userMessage } from "./helpers";

describe.each(testBackends())("POST /api/chat text input on %s", (backend) => {
  let tdb: TestDatabase;
  let release: () => void;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    release = useTestConnection(tdb);
  });
  afterAll(async () => {
    release?.();
    await tdb?.dispose();
  });

  it("answers 400 for NUL or a lone surrogate in the text, the message id or the model; no chat is created", async () => {
    const u = await newUser(tdb.db);
    const id = crypto.randomUUID();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ message: userMessage("hello\u0000world") }, /^message\.parts\.0\.text: Text must not contain NUL characters\.$/],
      [{ message: userMessage("broken \uD800 pair") }, /^message\.parts\.0\.text: Text must be valid Unicode/],
      [{ message: userMessage("hi", "id\u0000") }, /^message\.id: Text must not contain NUL/],
      [{ message: userMessage("hi"), model: `${OFFLINE_MODEL_ID}\u0000` }, /^model: Text must not contain NUL/],
      [{ trigger: "regenerate-message", messageId: "\uDFFF" }, /^messageId: Text must be valid Unicode/],
    ];
    for (const [extra, pattern] of cases) {
      const res = await POST(chatRequest({ id, trigger: "submit-message", model: OFFLINE_MODEL_ID, ...extra }, { cookie: u.cookie }));
      const text = await res.text();
      expect(res.status, text).toBe(400);
      expect((JSON.parse(text) as { detail: string }).detail).toMatch(pattern);
      expect(text).not.toMatch(LEAK);
    }
    expect(await tdb.db.select().from(chats).where(eq(chats.id, id))).toHaveLength(0);
  });
});
