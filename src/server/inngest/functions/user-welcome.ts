import { getDb } from "@/server/db";
import { notifications } from "@/server/db/schema";
import { inngest } from "../client";
import { userCreated } from "../events";

/** A new user gets a welcome notification: the smallest real function, end to end. */
export const userWelcome = inngest.createFunction(
  { id: "user-welcome", name: "Welcome a new user", triggers: [userCreated] },
  async ({ event, step }) => {
    const notification = await step.run("record-welcome", async () => {
      const db = await getDb();
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
      return { notificationId: row?.id ?? null, created: Boolean(row) };
    });
    return notification;
  },
);
