import "server-only";
import { getDb } from "@/server/db";
import { eq } from "drizzle-orm";
import { notifications, users } from "@/server/db/schema";
import { inngest } from "../client";
import { userCreated } from "../events";

/** A new user gets a welcome notification: the smallest real function, end to end. */
export const userWelcome = inngest.createFunction(
  { id: "user-welcome", name: "Welcome a new user", triggers: [userCreated] },
  async ({ event, step }) => {
    const notification = await step.run("record-welcome", async () => {
      const db = await getDb();
      // The user may be deleted (Clerk user.deleted) before this runs: nothing to welcome.
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, event.data.userId)).limit(1);
      if (!user) return { notificationId: null, created: false, skipped: "user no longer exists" };
      const [row] = await db
        .insert(notifications)
        .values({
          userId: event.data.userId,
          type: "welcome",
          title: `Welcome to Radium${event.data.name ? `, ${event.data.name}` : ""}`,
          body: "Chat with AI that writes documents, browse models, fine-tune and deploy them.",
          dedupeKey: `welcome:${event.data.userId}`,
        })
        .onConflictDoNothing({ target: notifications.dedupeKey })
        .returning({ id: notifications.id });
      return { notificationId: row?.id ?? null, created: Boolean(row), skipped: null };
    });
    return notification;
  },
);
