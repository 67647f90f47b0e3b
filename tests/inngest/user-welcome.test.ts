import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setConnectionForTesting } from "@/server/db";
import { notifications } from "@/server/db/schema";
import { userWelcome } from "@/server/inngest/functions/user-welcome";
import { upsertUser } from "@/server/users/ensure-user";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";

describe.each(testBackends())("user-welcome function on %s", (backend) => {
  let tdb: TestDatabase;
  const userId = "user_welcomeTest000000000000000";
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    setConnectionForTesting(tdb);
    await upsertUser(tdb.db, { id: userId, email: "w@example.com", name: "Wendy" });
  });
  afterAll(async () => {
    setConnectionForTesting(undefined);
    await tdb?.dispose();
  });

  it("records one welcome notification, even when the step runs again", async () => {
    const engine = () =>
      new InngestTestEngine({
        function: userWelcome,
        events: [{ name: "user/created", data: { userId, email: "w@example.com", name: "Wendy" } }],
      });
    const first = await engine().execute();
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ created: true });

    // A retried step (a fresh execution) must not record a second welcome.
    const again = await engine().execute();
    expect(again.result).toMatchObject({ created: false, notificationId: null });

    const rows = await tdb.db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.title).toBe("Welcome to Radium, Wendy");
  });

  it("skips a user deleted before the function ran, without failing", async () => {
    const gone = await new InngestTestEngine({
      function: userWelcome,
      events: [{ name: "user/created", data: { userId: "user_deletedBeforeWelcome000000", email: "", name: null } }],
    }).execute();
    expect(gone.error).toBeUndefined();
    expect(gone.result).toMatchObject({ created: false, skipped: "user no longer exists" });
  });
});
