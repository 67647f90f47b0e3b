import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { UsageSource } from "@/lib/gateway/requests";
import { deployments } from "./deployments";
import { users } from "./users";

/**
 * A key for the OpenAI-compatible API (`Authorization: Bearer rad_…`). Only its SHA-256 is kept,
 * with a short visible prefix so the UI can say which key it is. `deploymentId` scopes it to one
 * deployment; null means every deployment of the user. The deployment wizard's token is a key
 * scoped to the new deployment, written in the same transaction as the deployment.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    hash: text().notNull(),
    prefix: text().notNull(),
    deploymentId: uuid().references(() => deployments.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    lastUsedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("api_keys_hash_idx").on(t.hash),
    index("api_keys_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("api_keys_deployment_idx").on(t.deploymentId),
  ],
);

/**
 * One row per request the gateway routed to a deployment (requests refused before that — bad key,
 * unknown model — name no deployment and are not metered). Tokens are the upstream's usage, else
 * counted with the tokenizer. The texts are kept (truncated) only while the deployment's request
 * logging is on, and are shown only to the owner.
 */
export const usageRecords = pgTable(
  "usage_records",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    apiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    deploymentId: uuid()
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    /** The `model` the caller asked for (the deployment's endpoint name at the time). */
    model: text().notNull(),
    source: text().$type<UsageSource>().notNull(),
    requestId: text(),
    promptTokens: integer().notNull().default(0),
    completionTokens: integer().notNull().default(0),
    /** Time to the first content byte (first chunk when streaming); null when none came. */
    ttftMs: integer(),
    totalMs: integer().notNull(),
    /** The HTTP status the caller got (a stream that failed after its 200 keeps 200 and an errorCode). */
    status: integer().notNull(),
    errorCode: text(),
    stream: boolean().notNull(),
    requestText: text(),
    responseText: text(),
    // Millisecond precision: the requests list's cursor carries a JS Date.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Metrics (deployment + time range) and the requests list (newest first, keyset on created_at, id).
    index("usage_records_deployment_created_idx").on(t.deploymentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("usage_records_deployment_key_created_idx").on(t.deploymentId, t.apiKeyId, t.createdAt.desc().nullsFirst()),
    index("usage_records_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst()),
  ],
);

/**
 * Fixed one-minute windows for the rate limits, counted with one
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` so every app instance shares them. `scope` is e.g.
 * `key:<uuid>:<deployment>` or `deployment:<uuid>`. Old windows are deleted now and then by the limiter.
 * UNLOGGED (set in migration 0008; drizzle cannot declare it): no WAL, so counting never waits for a flush.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    scope: text().notNull(),
    windowStart: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    requests: integer().notNull().default(0),
    tokens: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.windowStart] }), index("rate_limit_windows_start_idx").on(t.windowStart)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type UsageRecordRow = typeof usageRecords.$inferSelect;
export type NewUsageRecord = typeof usageRecords.$inferInsert;



