/**
 * The local sign-in and sign-out routes, called with Requests as Next would: the redirect after
 * sign-in stays on the site, cross-site sign-in/out is refused, sign-in is rate limited per IP,
 * sign-out revokes the session server-side, and a malformed session cookie is "no session".
 */
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/local/sign-in/route";
import { POST as signOutRoute } from "@/app/api/auth/local/sign-out/route";
import { POST as chatRoute } from "@/app/api/chat/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { localUserIdFor } from "@/server/auth/local-session";
import { GLOBAL_FACTOR, resetSignInLimiterForTesting } from "@/server/auth/sign-in-limit";
import { chats, localSessions, users } from "@/server/db/schema";
import { setConnectionForTesting } from "@/server/db";
import { openTestDatabase, type TestDatabase } from "../helpers/db";
import { chatRequest, userMessage } from "../chat/helpers";

process.env.AUTH_SECRET ??= "auth-route-tests-secret";

const SITE = "http://localhost";
let n = 0;
let ipSeq = 0;

function freshEmail() {
  return `auth-${process.pid}-${Date.now()}-${++n}@example.com`;
}

/** A distinct client address per test, so the per-IP limit of one test does not affect another. */
function freshIp() {
  return `198.51.100.${++ipSeq}`;
}

function signIn(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return signInRoute(
    new NextRequest(`${SITE}/api/auth/local/sign-in`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { origin: SITE, "x-forwarded-for": freshIp(), ...headers },
    }),
  );
}

function signOut(cookie: string | undefined, opts: { everywhere?: boolean; headers?: Record<string, string> } = {}) {
  return signOutRoute(
    new NextRequest(`${SITE}/api/auth/local/sign-out${opts.everywhere ? "?everywhere=1" : ""}`, {
      method: "POST",
      headers: { origin: SITE, ...(cookie ? { cookie } : {}), ...opts.headers },
    }),
  );
}

function sessionCookieOf(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("radium_session="));
  if (!set) throw new Error(`no session cookie in ${res.status} response`);
  return set.split(";")[0] ?? "";
}

function trpcModelsList(cookie: string) {
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  return trpcGet(new Request(`${SITE}/api/trpc/models.list?input=${input}`, { headers: { cookie } }));
}

function chatTurn(cookie: string, chatId = crypto.randomUUID()) {
  return chatRoute(chatRequest({ id: chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, message: userMessage("hi") }, { cookie }));
}

describe("local sign-in and sign-out routes", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    process.env.OFFLINE_MODEL_DELAY_MS = "0";
    tdb = await openTestDatabase("pglite");
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    setConnectionForTesting(undefined);
    await tdb?.dispose();
  });
  beforeEach(() => {
    resetSignInLimiterForTesting();
    delete process.env.LOCAL_SIGN_IN_RATE_LIMIT;
  });

  async function userRow(email: string) {
    return tdb.db.select().from(users).where(eq(users.id, localUserIdFor(email)));
  }

  async function sessionsOf(email: string) {
    return tdb.db.select().from(localSessions).where(eq(localSessions.userId, localUserIdFor(email)));
  }

  async function signedIn(email = freshEmail()) {
    const res = await signIn({ name: "Ada", email, redirect_url: "/models" });
    expect(res.status).toBe(303);
    return { email, cookie: sessionCookieOf(res) };
  }

  describe("redirect after sign-in", () => {
    it("follows a same-site redirect_url", async () => {
      const res = await signIn({ name: "Ada", email: freshEmail(), redirect_url: "/models?type=chat" });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/models?type=chat");
    });

    it.each([
      "/.//evil.example",
      "/..//evil.example",
      "/%2e//evil.example",
      "/a/..//evil.example",
      "//x",
      "/\\x",
      "\\\\x",
      "javascript:alert(1)",
      "https://evil.example",
      "/\t/evil.example",
      "/%2f%2fevil.example",
      "/%5cevil.example",
    ])("sends %j home instead of off-site", async (redirect) => {
      const res = await signIn({ name: "Ada", email: freshEmail(), redirect_url: redirect });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/");
    });

    it("keeps a failed sign-in's redirect_url on the site too", async () => {
      const res = await signIn({ name: "", email: freshEmail(), redirect_url: "/.//evil.example" });
      expect(res.status).toBe(303);
      const back = new URL(res.headers.get("location") ?? "", SITE);
      expect(back.pathname).toBe("/sign-in");
      expect(back.searchParams.get("redirect_url")).toBe("/");
    });
  });

  describe("CSRF", () => {
    it("refuses a cross-site sign-in: 403, no user row, no session, no cookie", async () => {
      for (const headers of [{ origin: "https://evil.example" }, { origin: "null" }]) {
        const email = freshEmail();
        const res = await signIn({ name: "Mallory", email }, headers);
        expect(res.status).toBe(403);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.headers.getSetCookie()).toEqual([]);
        expect(await userRow(email)).toHaveLength(0);
      }
      // Without Origin, the browser's Sec-Fetch-Site decides.
      const email = freshEmail();
      const res = await signInRoute(
        new NextRequest(`${SITE}/api/auth/local/sign-in`, {
          method: "POST",
          body: new URLSearchParams({ name: "Mallory", email }),
          headers: { "sec-fetch-site": "cross-site" },
        }),
      );
      expect(res.status).toBe(403);
      expect(await userRow(email)).toHaveLength(0);
    });

    it("refuses a cross-site sign-out: 403, and the session still works", async () => {
      const { email, cookie } = await signedIn();
      for (const everywhere of [false, true]) {
        const res = await signOut(cookie, { everywhere, headers: { origin: "https://evil.example" } });
        expect(res.status).toBe(403);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.headers.getSetCookie()).toEqual([]);
      }
      expect(await sessionsOf(email)).toHaveLength(1);
      expect((await trpcModelsList(cookie)).status).toBe(200);
    });
  });

  describe("sign-out revokes", () => {
    it("sign-out ends the session: the old cookie value gets 401 from tRPC and /api/chat", async () => {
      const { email, cookie } = await signedIn();
      expect((await trpcModelsList(cookie)).status).toBe(200);

      const out = await signOut(cookie);
      expect(out.status).toBe(303);
      expect(out.headers.get("location")).toBe("/sign-in");
      expect(out.headers.getSetCookie().join()).toMatch(/radium_session=;/);
      expect(await sessionsOf(email)).toHaveLength(0);

      expect((await trpcModelsList(cookie)).status).toBe(401);
      const chatId = crypto.randomUUID();
      expect((await chatTurn(cookie, chatId)).status).toBe(401);
      expect(await tdb.db.select().from(chats).where(eq(chats.id, chatId))).toHaveLength(0);
    });

    it("sign-out ends only that session; sign-out everywhere ends all of the user's sessions", async () => {
      const email = freshEmail();
      const laptop = await signedIn(email);
      const phone = await signedIn(email);
      const tablet = await signedIn(email);
      const other = await signedIn();

      await signOut(laptop.cookie);
      expect((await trpcModelsList(laptop.cookie)).status).toBe(401);
      expect((await trpcModelsList(phone.cookie)).status).toBe(200);

      const out = await signOut(phone.cookie, { everywhere: true });
      expect(out.status).toBe(303);
      expect(await sessionsOf(email)).toHaveLength(0);
      expect((await trpcModelsList(phone.cookie)).status).toBe(401);
      expect((await trpcModelsList(tablet.cookie)).status).toBe(401);
      expect((await chatTurn(tablet.cookie)).status).toBe(401);
      // Another user's session is untouched.
      expect((await trpcModelsList(other.cookie)).status).toBe(200);
    });

    it("a revoked cookie cannot sign out anyone else's sessions", async () => {
      const { email, cookie } = await signedIn();
      const second = await signedIn(email);
      await signOut(cookie);
      await signOut(cookie, { everywhere: true });
      expect((await trpcModelsList(second.cookie)).status).toBe(200);
    });
  });

  describe("malformed session cookie", () => {
    it.each(["radium_session=%zz", "radium_session=%E0%A4%A", "radium_session=%", "a=%zz; radium_session=%zz"])(
      "%s is no session: 401 from tRPC and /api/chat, nothing written",
      async (cookie) => {
        expect((await trpcModelsList(cookie)).status).toBe(401);
        const chatId = crypto.randomUUID();
        const res = await chatTurn(cookie, chatId);
        expect(res.status).toBe(401);
        expect(await tdb.db.select().from(chats).where(eq(chats.id, chatId))).toHaveLength(0);
      },
    );

    it("a malformed unrelated cookie does not hide a good session", async () => {
      const { cookie } = await signedIn();
      expect((await trpcModelsList(`junk=%zz; ${cookie}`)).status).toBe(200);
    });
  });

  describe("rate limit", () => {
    it("refuses the 11th sign-in from one IP within a minute with 429 and Retry-After; no user is created", async () => {
      const ip = "203.0.113.50";
      for (let i = 0; i < 10; i++) {
        // The client forges the first hop; the proxy in front appends the address it saw.
        const res = await signIn({ name: "Bot", email: freshEmail() }, { "x-forwarded-for": `192.0.2.${i}, ${ip}` });
        expect(res.status, `attempt ${i + 1}`).toBe(303);
      }
      const email = freshEmail();
      const refused = await signIn({ name: "Bot", email }, { "x-forwarded-for": ip });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ status: 429, title: "Too Many Requests" });
      expect(refused.headers.getSetCookie()).toEqual([]);
      expect(await userRow(email)).toHaveLength(0);

      // Another address is not affected.
      const elsewhere = await signIn({ name: "Ada", email: freshEmail() }, { "x-forwarded-for": "203.0.113.51" });
      expect(elsewhere.status).toBe(303);
    });

    it("caps all clients together, so rotating a forged X-Forwarded-For cannot sign up in bulk", async () => {
      process.env.LOCAL_SIGN_IN_RATE_LIMIT = "2";
      const allowed = 2 * GLOBAL_FACTOR;
      for (let i = 0; i < allowed; i++) expect((await signIn({ name: "Bot", email: freshEmail() })).status, `attempt ${i + 1}`).toBe(303);
      const email = freshEmail();
      const refused = await signIn({ name: "Bot", email });
      expect(refused.status).toBe(429);
      expect(await userRow(email)).toHaveLength(0);
    });

    // (A lone surrogate cannot arrive this way: form encoding turns it into U+FFFD.)
    it("refuses a NUL in the name with the form error, creating nothing", async () => {
      const email = freshEmail();
      const res = await signIn({ name: "Ada\u0000", email });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/sign-in\?error=/);
      expect(await userRow(email)).toHaveLength(0);
    });

    it("takes its limit from LOCAL_SIGN_IN_RATE_LIMIT", async () => {
      process.env.LOCAL_SIGN_IN_RATE_LIMIT = "2";
      const headers = { "x-real-ip": "203.0.113.60", "x-forwarded-for": "" };
      expect((await signIn({ name: "A", email: freshEmail() }, headers)).status).toBe(303);
      expect((await signIn({ name: "A", email: freshEmail() }, headers)).status).toBe(303);
      expect((await signIn({ name: "A", email: freshEmail() }, headers)).status).toBe(429);
    });
  });
});
