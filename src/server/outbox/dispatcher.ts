import "server-only";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { inngest } from "@/server/inngest/client";
import { deliverOutbox } from ".";

// One delivery at a time per process; a kick while one runs schedules one more pass.
let running: Promise<void> | null = null;
let again = false;
let timer: NodeJS.Timeout | undefined;

const sendToInngest = (events: Parameters<typeof inngest.send>[0]) => inngest.send(events);

/** Deliver after commit without making the caller wait or fail. */
export function kickOutbox(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await deliverOutbox(await getDb(), (events) => sendToInngest(events));
      } catch (err) {
        console.warn("[outbox] delivery failed; will retry:", err instanceof Error ? err.message : err);
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
}

/** Sweep at start-up and then periodically, so events left by a crash or an outage go out. */
export function startOutboxSweeper(intervalMs = env.OUTBOX_SWEEP_MS): void {
  if (timer) return;
  kickOutbox();
  timer = setInterval(kickOutbox, intervalMs);
  timer.unref();
}
