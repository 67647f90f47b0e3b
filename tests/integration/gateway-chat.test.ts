/**
 * Chatting with one of your own deployments: the chat route accepts `deployment:<uuid>`, answers
 * through the gateway in process (metered with source "chat", no key), records which deployment
 * answered in the message metadata, and refuses another user's deployment.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/chat/route";
import { settleChatWork } from "@/server/chat/respond";
import { messages, usageRecords } from "@/server/db/schema";
import { flushUsage } from "@/server/gateway/meter";
import { chatRequest, newUser, readChunks, suiteDatabase, textOf, type TestUser, userMessage } from "../chat/helpers";
import { activeDeployment } from "../helpers/gateway";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
let alice: TestUser;
let bob: TestUser;
let dep: Awaited<ReturnType<typeof activeDeployment>>;

beforeAll(async () => {
  process.env.OFFLINE_MODEL_DELAY_MS = "0";
  alice = await newUser(tdb.db, "Alice");
  bob = await newUser(tdb.db, "Bob");
  dep = await activeDeployment(tdb.db, alice.caller);
});
afterAll(() => {
  delete process.env.OFFLINE_MODEL_DELAY_MS;
});

describe("chat with a deployment", () => {
  it("answers through the gateway, metered as chat, naming the deployment that answered", async () => {
    const chatId = crypto.randomUUID();
    const res = await POST(
      chatRequest({ trigger: "submit-message", id: chatId, model: `deployment:${dep.id}`, message: userMessage("Hello there") }, { cookie: alice.cookie }),
    );
    expect(res.status).toBe(200);
    const chunks = await readChunks(res);
    expect(textOf(chunks)).toMatch(/offline model/i);
    const start = chunks.find((c) => c.type === "start");
    expect(start && "messageMetadata" in start ? start.messageMetadata : null).toMatchObject({
      model: `deployment:${dep.id}`,
      offline: false,
      deployment: { id: dep.id, name: dep.name },
    });
    await settleChatWork();
    const stored = await tdb.db.select().from(messages).where(eq(messages.chatId, chatId));
    const assistant = stored.find((m) => m.role === "assistant");
    expect(assistant?.metadata).toMatchObject({ deployment: { id: dep.id, name: dep.name } });

    await flushUsage();
    const rows = await tdb.db.select().from(usageRecords).where(eq(usageRecords.deploymentId, dep.id));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.source === "chat" && r.apiKeyId === null && r.userId === alice.id && r.status === 200)).toBe(true);
  });

  it("refuses another user's deployment as a chat model", async () => {
    const res = await POST(
      chatRequest({ trigger: "submit-message", id: crypto.randomUUID(), model: `deployment:${dep.id}`, message: userMessage("hi") }, { cookie: bob.cookie }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toMatch(/Unknown model/);
  });
});
