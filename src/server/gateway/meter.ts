/**
 * Metering, off the hot path: each request's usage record is queued when the response ends and
 * written in batches (every FLUSH_MS or BATCH rows), in one transaction per batch with the
 * deployments' requestCount/avgLatencyMs and the keys' lastUsedAt; then the rate-limit windows are
 * charged the rest of the tokens, one update per window.
 * requestCount and avgLatencyMs cover served requests (status < 400 and no mid-stream error).
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { apiKeys, deployments, type NewUsageRecord, usageRecords } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { logger } from "@/server/log";
import { chargeTokens } from "./limits";

export interface Metered {
  record: NewUsageRecord;
  /** Tokens still to charge to the rate-limit windows (completion + prompt correction). */
  charge?: { windowStart: Date; scopes: string[]; tokens: number };
}

const FLUSH_MS = 100;
const BATCH = 250;
/** How much of a prompt or reply request logging keeps. */
export const LOGGED_TEXT_MAX = 4000;

export function truncateLogged(text: string): string {
  return text.length > LOGGED_TEXT_MAX ? `${text.slice(0, LOGGED_TEXT_MAX)}…` : text;
}

interface MeterState {
  queue: Array<{ db: Db; item: Metered }>;
  timer?: NodeJS.Timeout;
  flushing: Promise<void>;
}
const g = globalThis as unknown as { __radiumMeter?: MeterState };
const state = (): MeterState => (g.__radiumMeter ??= { queue: [], flushing: Promise.resolve() });

export function meter(db: Db, item: Metered): void {
  const s = state();
  s.queue.push({ db, item });
  if (s.queue.length >= BATCH) void flushUsage();
  else s.timer ??= setTimeout(() => void flushUsage(), FLUSH_MS);
}

/** Writes everything queued so far (tests and shutdown await it). */
export function flushUsage(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = undefined;
  const batch = s.queue.splice(0, s.queue.length);
  s.flushing = s.flushing.then(() => write(batch));
  return s.flushing;
}

async function write(batch: Array<{ db: Db; item: Metered }>): Promise<void> {
  const byDb = new Map<Db, Metered[]>();
  for (const { db, item } of batch) byDb.set(db, [...(byDb.get(db) ?? []), item]);
  for (const [db, items] of byDb) {
    for (let i = 0; i < items.length; i += BATCH) {
      try {
        await writeBatch(db, items.slice(i, i + BATCH));
      } catch (err) {
        logger.error({ err, rows: items.length }, "usage: could not write usage records");
      }
    }
  }
}

async function writeBatch(db: Db, items: Metered[]): Promise<void> {
  const served = new Map<string, { n: number; totalMs: number }>();
  const lastUsed = new Map<string, Date>();
  for (const { record } of items) {
    const at = record.createdAt instanceof Date ? record.createdAt : new Date();
    if (record.apiKeyId) {
      const prev = lastUsed.get(record.apiKeyId);
      if (!prev || prev < at) lastUsed.set(record.apiKeyId, at);
    }
    if (record.status < 400 && !record.errorCode) {
      const d = served.get(record.deploymentId) ?? { n: 0, totalMs: 0 };
      served.set(record.deploymentId, { n: d.n + 1, totalMs: d.totalMs + record.totalMs });
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(usageRecords).values(items.map((i) => i.record));
    for (const [id, d] of served) {
      await tx
        .update(deployments)
        .set({
          requestCount: sql`${deployments.requestCount} + ${d.n}`,
          avgLatencyMs: sql`round((coalesce(${deployments.avgLatencyMs}, 0)::numeric * ${deployments.requestCount} + ${d.totalMs}) / (${deployments.requestCount} + ${d.n}))::int`,
        })
        .where(eq(deployments.id, id));
    }
    for (const [id, at] of lastUsed) {
      const iso = at.toISOString();
      await tx
        .update(apiKeys)
        .set({ lastUsedAt: sql`greatest(coalesce(${apiKeys.lastUsedAt}, ${iso}::timestamptz), ${iso}::timestamptz)` })
        .where(eq(apiKeys.id, id));
    }
  });
  // Outside the transaction: the admissions upsert these very rows, and must not wait for a batch.
  const charges = new Map<string, { windowStart: Date; scopes: string[]; tokens: number }>();
  for (const { charge } of items) {
    if (!charge) continue;
    const k = `${charge.windowStart.getTime()}|${charge.scopes.join("|")}`;
    const c = charges.get(k);
    if (c) c.tokens += charge.tokens;
    else charges.set(k, { ...charge });
  }
  for (const c of charges.values()) await chargeTokens(db, c, c.tokens);
}
