/**
 * A local session the database has confirmed is trusted from memory for SESSION_RECHECK_MS, so a
 * list poll does not spend a query on it every time; sign-out in this process ends it at once,
 * also for a check that was already in flight, and a row removed behind the app's back stops
 * working once that time is up. Checks of one session at the same moment share one query.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { localUserIdFor } from "@/server/auth/local-session";
import {
  SESSION_RECHECK_MS,
  activeLocalSession,
  endAllLocalSessions,
  endLocalSession,
  forgetConfirmedSessions,
  startLocalSession,
} from "@/server/auth/local-session-store";
import { localSessions } from "@/server/db/schema";
import { deleteUser, upsertUser } from "@/server/users/ensure-user";
import { openTestDatabase, type TestDatabase } from "../helpers/db";

const secret = Buffer.from("local-session-memory-secret");

describe("local sessions trusted from memory", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await tdb?.dispose();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    forgetConfirmedSessions();
  });

  async function signedIn(email: string) {
    await upsertUser(tdb.db, { id: localUserIdFor(email), email, name: "M" });
    return startLocalSession(tdb.db, { name: "M", email }, secret);
  }

  /** Counts the queries activeLocalSession sends. */
  function countSelects() {
    return vi.spyOn(tdb.db, "select");
  }

  it("asks the database once, then trusts the session until SESSION_RECHECK_MS has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await signedIn("memory-1@example.com");
    const selects = countSelects();
    expect(await activeLocalSession(tdb.db, token, secret)).not.toBeNull();
    expect(await activeLocalSession(tdb.db, token, secret)).not.toBeNull();
    expect(selects).toHaveBeenCalledTimes(1);

    // Removed behind the app's back (another process signed it out): trusted until the time is up.
    await tdb.db.delete(localSessions).where(eq(localSessions.userId, localUserIdFor("memory-1@example.com")));
    expect(await activeLocalSession(tdb.db, token, secret)).not.toBeNull();
    vi.setSystemTime(Date.now() + SESSION_RECHECK_MS + 1);
    expect(await activeLocalSession(tdb.db, token, secret)).toBeNull();
    expect(selects).toHaveBeenCalledTimes(2);
  });

  it("sign-out and sign-out everywhere in this process end the session at once", async () => {
    const one = await signedIn("memory-2@example.com");
    expect(await activeLocalSession(tdb.db, one, secret)).not.toBeNull();
    const session = await activeLocalSession(tdb.db, one, secret);
    if (!session) throw new Error("no session");
    await endLocalSession(tdb.db, session);
    expect(await activeLocalSession(tdb.db, one, secret)).toBeNull();

    const laptop = await signedIn("memory-3@example.com");
    const phone = await signedIn("memory-3@example.com");
    expect(await activeLocalSession(tdb.db, laptop, secret)).not.toBeNull();
    expect(await activeLocalSession(tdb.db, phone, secret)).not.toBeNull();
    await endAllLocalSessions(tdb.db, localUserIdFor("memory-3@example.com"));
    expect(await activeLocalSession(tdb.db, laptop, secret)).toBeNull();
    expect(await activeLocalSession(tdb.db, phone, secret)).toBeNull();
  });

  it("a deleted user's sessions end at once", async () => {
    const token = await signedIn("memory-4@example.com");
    expect(await activeLocalSession(tdb.db, token, secret)).not.toBeNull();
    await deleteUser(tdb.db, localUserIdFor("memory-4@example.com"));
    expect(await activeLocalSession(tdb.db, token, secret)).toBeNull();
  });

  it("a check that read the row before a sign-out does not put the session back in memory", async () => {
    const token = await signedIn("memory-5@example.com");
    // Both start now: PGlite runs the check's select before the sign-out's delete, so the check
    // answers with the row it read, after the sign-out has begun.
    const inFlight = activeLocalSession(tdb.db, token, secret);
    const signOut = endAllLocalSessions(tdb.db, localUserIdFor("memory-5@example.com"));
    expect(await inFlight).not.toBeNull();
    await signOut;
    const selects = countSelects();
    expect(await activeLocalSession(tdb.db, token, secret)).toBeNull();
    expect(selects).toHaveBeenCalledTimes(1);
  });

  it("checks of one session at the same moment share one query", async () => {
    const token = await signedIn("memory-6@example.com");
    const selects = countSelects();
    const answers = await Promise.all([activeLocalSession(tdb.db, token, secret), activeLocalSession(tdb.db, token, secret)]);
    expect(answers.map((a) => a?.email)).toEqual(["memory-6@example.com", "memory-6@example.com"]);
    expect(selects).toHaveBeenCalledTimes(1);
  });

  it("a check begun after a sign-out does not join one begun before it", async () => {
    const token = await signedIn("memory-7@example.com");
    const session = await activeLocalSession(tdb.db, token, secret);
    if (!session) throw new Error("no session");
    forgetConfirmedSessions();
    const before = activeLocalSession(tdb.db, token, secret);
    const signOut = endLocalSession(tdb.db, session);
    const after = activeLocalSession(tdb.db, token, secret);
    await signOut;
    expect(await after).toBeNull();
    await before;
  });
});
