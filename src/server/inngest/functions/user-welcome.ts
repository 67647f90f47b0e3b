import "server-only";
import { getDb } from "@/server/db";
import { eq } from "drizzle-orm";
import { users } from "@/server/db/schema";
import { notify } from "@/server/notifications/notify";
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
      const id = await notify(db, {
        userId: event.data.userId,
        type: "system",
        title: `Welcome to Radium${event.data.name ? `, ${event.data.name}` : ""}`,
        body: "Chat with AI that writes documents, browse models, fine-tune and deploy them.",
        dedupeKey: `welcome:${event.data.userId}`,
      });
      return { notificationId: id, created: id !== null, skipped: null };
    });
    return notification;
  },
);
