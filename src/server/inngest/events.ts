import { eventType } from "inngest";
import { z } from "zod";

/** Every event the app sends, with its payload schema (validated on send and on trigger). */
export const userCreated = eventType("user/created", {
  schema: z.object({ userId: z.string().startsWith("user_"), email: z.string(), name: z.string().nullable() }),
});

export const ping = eventType("radium/ping", { schema: z.object({ message: z.string().optional() }) });
