import { eq, isNull, sql } from "drizzle-orm";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@/server/db/schema";
import { backoffMs, deliverOutbox, pendingOutboxCount } from "@/server/outbox";
import { forgetKnownUsers, upsertUser } from "@/server/users/ensure-user";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { freePort, startEventIntake } from "../helpers/event-intake";

describe("backoffMs", () => {
  it("doubles from one second and caps at five minutes", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30)).toBe(300_000);
  });
});

describe.each(testBackends())("outbox on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    forgetKnownUsers();
  });
  afterAll(async () => tdb?.dispose());

  it("writes user/created in the same transaction as the new user, once", async () => {
    const id = `user_outbox${backend}000000000000000`.slice(0, 32);
    expect(await upsertUser(tdb.db, { id, email: "o@example.com", name: "O" })).toBe(true);
    expect(await upsertUser(tdb.db, { id, email: "o@example.com", name: "O2" })).toBe(false);
    const rows = await tdb.db.select().from(outbox).where(sql`${outbox.data}->>'userId' = ${id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "user/created", deliveredAt: null });
  });

  it("keeps an event while Inngest is down and delivers it once Inngest is back", async () => {
    const port = await freePort();
    const client = new Inngest({ id: "radium-outbox-test", isDev: true, baseUrl: `http://127.0.0.1:${port}` });
    const send = (events: Parameters<typeof client.send>[0]) => client.send(events);

    await upsertUser(tdb.db, { id: "user_outboxDown0000000000000000", email: "down@example.com", name: "Down" });
    const before = await pendingOutboxCount(tdb.db);
    expect(before).toBeGreaterThan(0);

    // Inngest unreachable: nothing is lost, the attempt is recorded with a later retry time.
    expect(await deliverOutbox(tdb.db, send)).toBe(0);
    expect(await pendingOutboxCount(tdb.db)).toBe(before);
    const [failed] = await tdb.db.select().from(outbox).where(eq(outbox.name, "user/created")).limit(1);
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toBeTruthy();
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: a sweep does not hammer the server.
    const intake = await startEventIntake(port);
    try {
      expect(await deliverOutbox(tdb.db, send)).toBe(0);
      expect(intake.received).toHaveLength(0);

      // Once due, the sweep delivers every pending event, with the outbox id as the event id.
      await tdb.db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(isNull(outbox.deliveredAt));
      expect(await deliverOutbox(tdb.db, send)).toBe(before);
      expect(await pendingOutboxCount(tdb.db)).toBe(0);
      expect(intake.received.map((e) => e.name)).toContain("user/created");
      const ids = (await tdb.db.select({ eventId: outbox.eventId }).from(outbox)).map((r) => r.eventId);
      expect(intake.received.map((e) => e.id).sort()).toEqual(ids.sort());

      // Delivered events are not sent again.
      expect(await deliverOutbox(tdb.db, send)).toBe(0);
      expect(intake.received).toHaveLength(before);
    } finally {
      await intake.close();
    }
  });
});
