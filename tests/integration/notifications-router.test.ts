/** The notifications router: each user lists and marks read only their own notifications. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/server/db/schema";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { anonymousCaller, callerFor } from "../helpers/trpc";

describe.each(testBackends())("notifications router on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  async function notify(userId: string, title: string, createdAt: Date) {
    await tdb.db.insert(notifications).values({ userId, type: "system", title, createdAt });
  }

  it("lists the caller's notifications newest first, up to the limit", async () => {
    const alice = await callerFor(tdb.db);
    for (let i = 0; i < 3; i++) await notify(alice.id, `n${i}`, new Date(Date.UTC(2026, 0, 1 + i)));
    expect((await alice.caller.notifications.list()).map((n) => n.title)).toEqual(["n2", "n1", "n0"]);
    expect((await alice.caller.notifications.list({ limit: 1 })).map((n) => n.title)).toEqual(["n2"]);
  });

  it("a second user neither reads nor marks read the first user's notifications", async () => {
    const alice = await callerFor(tdb.db);
    const bob = await callerFor(tdb.db);
    await notify(alice.id, "for Alice", new Date());
    await notify(bob.id, "for Bob", new Date());

    expect((await bob.caller.notifications.list()).map((n) => n.title)).toEqual(["for Bob"]);
    await bob.caller.notifications.markAllRead();

    const rows = await tdb.db.select().from(notifications).where(eq(notifications.userId, alice.id));
    expect(rows.map((r) => r.readAt)).toEqual([null]);
    const bobs = await tdb.db.select().from(notifications).where(eq(notifications.userId, bob.id));
    expect(bobs.every((r) => r.readAt instanceof Date)).toBe(true);

    await alice.caller.notifications.markAllRead();
    const after = await tdb.db.select().from(notifications).where(eq(notifications.userId, alice.id));
    expect(after.every((r) => r.readAt instanceof Date)).toBe(true);
  });

  it("refuses callers without a session", async () => {
    await expect(anonymousCaller(tdb.db).notifications.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymousCaller(tdb.db).notifications.markAllRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
