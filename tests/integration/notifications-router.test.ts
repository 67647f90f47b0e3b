/** The notifications router: each user lists and marks read only their own notifications. */
import crypto from "node:crypto";
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

  it("pages with filters, counts unread and marks one read; another user's id is not found", async () => {
    const alice = await callerFor(tdb.db);
    const bob = await callerFor(tdb.db);
    const at = (i: number) => new Date(Date.UTC(2026, 5, 1, 0, 0, i));
    await tdb.db.insert(notifications).values([
      { userId: alice.id, type: "job_completed", priority: "high", title: "a0", createdAt: at(0) },
      { userId: alice.id, type: "cost_alert_80", priority: "high", title: "a1", createdAt: at(1), link: "/costs" },
      { userId: alice.id, type: "cost_alert_100", priority: "critical", title: "a2", createdAt: at(2), link: "/costs" },
      { userId: alice.id, type: "job_completed", priority: "high", title: "a3", createdAt: at(3), readAt: at(4) },
    ]);
    await notify(bob.id, "for Bob", at(5));

    const first = await alice.caller.notifications.page({ limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["a3", "a2", "a1"]);
    const rest = await alice.caller.notifications.page({ limit: 3, cursor: first.nextCursor });
    expect(rest.items.map((n) => n.title)).toEqual(["a0"]);
    expect(rest.nextCursor).toBeNull();
    expect((await alice.caller.notifications.page({ type: "job_completed" })).items.map((n) => n.title)).toEqual(["a3", "a0"]);
    expect((await alice.caller.notifications.page({ unread: true })).items.map((n) => n.title)).toEqual(["a2", "a1", "a0"]);
    expect((await alice.caller.notifications.list({ type: "cost_alert_100" }))[0]).toMatchObject({ priority: "critical", link: "/costs" });
    await expect(alice.caller.notifications.page({ cursor: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 3 });
    expect(await bob.caller.notifications.unreadCount()).toEqual({ count: 1 });
    const a2 = first.items[1];
    if (!a2) throw new Error("no a2");
    await expect(bob.caller.notifications.markRead({ id: a2.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 3 });
    expect((await bob.caller.notifications.page({})).items.map((n) => n.title)).toEqual(["for Bob"]);

    const marked = await alice.caller.notifications.markRead({ id: a2.id });
    expect(marked.readAt).toBeInstanceOf(Date);
    expect(await alice.caller.notifications.markRead({ id: a2.id })).toEqual(marked);
    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 2 });
    expect(await alice.caller.notifications.markAllRead()).toEqual({ ok: true, count: 2 });
    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 0 });
    expect(await bob.caller.notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("refuses callers without a session", async () => {
    await expect(anonymousCaller(tdb.db).notifications.page({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymousCaller(tdb.db).notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      anonymousCaller(tdb.db).notifications.markRead({ id: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymousCaller(tdb.db).notifications.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymousCaller(tdb.db).notifications.markAllRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
