import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setConnectionForTesting } from "@/server/db";
import { users } from "@/server/db/schema";
import { openTestDatabase, type TestDatabase } from "../helpers/db";

const secretBytes = crypto.randomBytes(24);
const SIGNING_SECRET = `whsec_${secretBytes.toString("base64")}`;

// Standard Webhooks (svix) signature: v1,base64(HMAC-SHA256(secret, "id.timestamp.body")).
function signedRequest(payload: object, secret = secretBytes) {
  const body = JSON.stringify(payload);
  const id = `msg_${crypto.randomUUID()}`;
  const ts = Math.floor(Date.now() / 1000).toString();
  const sig = crypto.createHmac("sha256", secret).update(`${id}.${ts}.${body}`).digest("base64");
  return new NextRequest("http://localhost/api/webhooks/clerk", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": ts, "svix-signature": `v1,${sig}` },
  });
}

const clerkUser = (id: string, email: string) => ({
  type: "user.created",
  object: "event",
  data: {
    id,
    object: "user",
    first_name: "Grace",
    last_name: "Hopper",
    username: null,
    image_url: "https://img.example/grace.png",
    primary_email_address_id: "idn_1",
    email_addresses: [{ id: "idn_1", email_address: email }],
  },
});

describe("Clerk webhook", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    process.env.CLERK_WEBHOOK_SIGNING_SECRET = SIGNING_SECRET;
    tdb = await openTestDatabase("pglite");
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    delete process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    setConnectionForTesting(undefined);
    await tdb.dispose();
  });

  it("upserts a user from a correctly signed user.created, and deletes on user.deleted", async () => {
    const { POST } = await import("@/app/api/webhooks/clerk/route");
    const res = await POST(signedRequest(clerkUser("user_2webhookGrace00000000000", "grace@example.com")));
    expect(res.status).toBe(200);
    const [row] = await tdb.db.select().from(users).where(eq(users.id, "user_2webhookGrace00000000000"));
    expect(row).toMatchObject({ email: "grace@example.com", name: "Grace Hopper", imageUrl: "https://img.example/grace.png" });

    const del = await POST(signedRequest({ type: "user.deleted", object: "event", data: { id: "user_2webhookGrace00000000000", deleted: true } }));
    expect(del.status).toBe(200);
    expect(await tdb.db.select().from(users).where(eq(users.id, "user_2webhookGrace00000000000"))).toHaveLength(0);
  });

  it("rejects a bad signature and writes nothing", async () => {
    const { POST } = await import("@/app/api/webhooks/clerk/route");
    const res = await POST(signedRequest(clerkUser("user_2webhookMallory000000000", "m@example.com"), crypto.randomBytes(24)));
    expect(res.status).toBe(400);
    expect(await tdb.db.select().from(users).where(eq(users.id, "user_2webhookMallory000000000"))).toHaveLength(0);
  });
});
