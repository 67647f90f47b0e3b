import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import type { StoredDeploymentConfig } from "@/lib/deployments/schema";
import type { ComputeAdapterKind } from "@/server/providers/compute/types";
import { users } from "./users";

/**
 * A user's inference endpoint. `config` holds the wizard's sections as submitted (secret values
 * replaced by their names; the values live encrypted in deployment_secrets). The cost columns are
 * the server's own priceDeployment result, in integer cents. Status moves only through guarded
 * writes (src/server/deployments/advance.ts), each with a deployment_events row.
 */
export const deployments = pgTable(
  "deployments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // No FK: the catalog is reseeded; a deployment keeps its model id even if the entry goes.
    modelId: text().notNull(),
    config: jsonb().notNull().$type<StoredDeploymentConfig>(),
    status: text().$type<DeploymentStatus>().notNull().default("pending"),
    statusReason: text(),
    providerKind: text().$type<ComputeAdapterKind>(), // set when the provider creates the endpoint
    providerId: text(), // the provider's handle for the endpoint
    endpointUrl: text(),
    hourlyCents: bigint({ mode: "number" }).notNull(),
    monthlyMinCents: bigint({ mode: "number" }).notNull(),
    monthlyExpectedCents: bigint({ mode: "number" }).notNull(),
    monthlyMaxCents: bigint({ mode: "number" }).notNull(),
    termsVersion: text().notNull(),
    termsAcceptedAt: timestamp({ withTimezone: true }).notNull(),
    // Only what a receipt shows: no card number or CVC ever reaches the server.
    paymentBrand: text().notNull(),
    paymentLast4: text().notNull(),
    paymentExpMonth: integer().notNull(),
    paymentExpYear: integer().notNull(),
    idempotencyKey: text().notNull(),
    // Kept by the gateway's metering (src/server/gateway/meter.ts) from usage_records.
    requestCount: bigint({ mode: "number" }).notNull().default(0),
    avgLatencyMs: integer(),
    // Millisecond precision: the list's cursor carries a JS Date, which has no microseconds.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set when teardown finishes: the name is free again from then on.
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("deployments_user_name_live_idx").on(t.userId, t.name).where(sql`${t.deletedAt} is null`),
    uniqueIndex("deployments_user_idempotency_idx").on(t.userId, t.idempotencyKey),
    // The list's orders, exactly: `ORDER BY created_at DESC, id DESC` sorts nulls first, and an index
    // written NULLS LAST (what .desc() alone emits) cannot serve it, so PostgreSQL scanned and sorted
    // every row of the user. The first one also carries the list's default filter.
    index("deployments_user_live_created_idx")
      .on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} <> 'deleted'`),
    index("deployments_user_status_created_idx").on(t.userId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** The timeline: one row per status change or notable step, written with the change it records. */
export const deploymentEvents = pgTable(
  "deployment_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    deploymentId: uuid()
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    fromStatus: text().$type<DeploymentStatus>(),
    toStatus: text().$type<DeploymentStatus>().notNull(),
    step: text().notNull(),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deployment_events_deployment_idx").on(t.deploymentId, t.id)],
);

/** Secret environment values, AES-256-GCM (src/server/deployments/secrets-crypto.ts); never returned. */
export const deploymentSecrets = pgTable(
  "deployment_secrets",
  {
    deploymentId: uuid()
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    key: text().notNull(),
    ciphertext: text().notNull(),
    iv: text().notNull(),
    tag: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.deploymentId, t.key] })],
);

export type DeploymentRow = typeof deployments.$inferSelect;
export type DeploymentEventRow = typeof deploymentEvents.$inferSelect;
