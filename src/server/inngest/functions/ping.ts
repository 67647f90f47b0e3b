import "server-only";
import { inngest } from "@/server/inngest/client";
import { ping as pingEvent } from "@/server/inngest/events";

/**
 * `radium/ping` → two steps → `{ pong: true }`: a smoke test that the app's Inngest endpoint and
 * whichever Inngest server is running (local runner, inngest-cli, Cloud) reach each other.
 */
export const ping = inngest.createFunction({ id: "ping", name: "Ping", triggers: [pingEvent] }, async ({ event, step }) => {
  const received = await step.run("receive", () => ({ message: event.data.message ?? "ping", at: new Date().toISOString() }));
  await step.run("reply", () => ({ echoed: received.message }));
  return { pong: true };
});
