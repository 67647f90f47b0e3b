import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setConnectionForTesting } from "@/server/db";
import { openTestDatabase, type TestDatabase } from "../helpers/db";

// The Clerk path, offline: a session JWT signed with a local RSA key is verified by Clerk
// (`jwtKey`, no network) and yields the user id in the tRPC context.
const FAPI = "clerk.radium.test";
const ORIGIN = "http://localhost:3000";
const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

function b64url(value: object) {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function sessionJwt(claims: Record<string, unknown>, key = privateKey) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64url({ alg: "RS256", typ: "JWT", kid: "ins_test" })}.${b64url({
    iss: `https://${FAPI}`,
    azp: ORIGIN,
    sid: "sess_test123",
    iat: now - 5,
    nbf: now - 5,
    exp: now + 60,
    ...claims,
  })}`;
  const sig = crypto.sign("RSA-SHA256", Buffer.from(body), key).toString("base64url");
  return `${body}.${sig}`;
}

describe("Clerk session in the tRPC context", () => {
  let tdb: TestDatabase;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY = `pk_test_${Buffer.from(`${FAPI}$`).toString("base64")}`;
    process.env.CLERK_SECRET_KEY = "sk_test_offline";
    process.env.CLERK_JWT_KEY = publicKey.export({ type: "spki", format: "pem" }).toString();
    process.env.CLERK_AUTHORIZED_PARTIES = ORIGIN;
    tdb = await openTestDatabase("pglite");
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    process.env = saved;
    setConnectionForTesting(undefined);
    await tdb.dispose();
  });

  async function contextFor(token?: string) {
    const { createTRPCContext } = await import("@/server/api/trpc");
    const headers = new Headers({ host: "localhost:3000" });
    if (token) headers.set("authorization", `Bearer ${token}`);
    return createTRPCContext({ req: new Request(`${ORIGIN}/api/trpc/models.list`, { headers }) });
  }

  it("verifies a locally signed session token and yields its user id", async () => {
    const ctx = await contextFor(sessionJwt({ sub: "user_2clerkOfflineTest000000000" }));
    expect(ctx.user?.id).toBe("user_2clerkOfflineTest000000000");
  });

  it("lets the signed-in Clerk user call protected procedures", async () => {
    const { createCaller } = await import("@/server/api/root");
    const ctx = await contextFor(sessionJwt({ sub: "user_2clerkCaller00000000000" }));
    const models = await createCaller(ctx).models.list();
    expect(models.length).toBeGreaterThanOrEqual(12);
  });

  it("rejects tokens signed by another key, for another party, or missing", async () => {
    const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    expect((await contextFor(sessionJwt({ sub: "user_x" }, other))).user).toBeNull();
    expect((await contextFor(sessionJwt({ sub: "user_x", azp: "https://evil.example" }))).user).toBeNull();
    expect((await contextFor()).user).toBeNull();
  });
});
