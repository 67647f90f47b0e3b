import { bigint, boolean, date, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CostDetails, CostResourceType, CostType } from "@/lib/costs/types";
import { users } from "./users";

/**
 * Seed 003's CostRecord: one line of a user's bill. `amount` is integer micro-cents (see
 * src/lib/costs/types.ts), numeric as the seed has it. A line is written only through
 * src/server/costs/ledger.ts, keyed by `idempotencyKey` (e.g. the deployment and the UTC hour it
 * covers): accruing the same window again replaces the line with the same or a later figure, never
 * adds a second. `billingPeriod` is the UTC month of `periodStart` ("2026-12").
 */
export const costRecords = pgTable(
  "cost_records",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().$type<CostType>().notNull(),
    amount: numeric({ precision: 20, scale: 0, mode: "number" }).notNull(),
    details: jsonb().$type<CostDetails>().notNull(),
    resourceType: text().$type<CostResourceType>().notNull(),
    // No FK: the resource may be deleted; its bill stays.
    resourceId: uuid().notNull(),
    billingPeriod: text().notNull(),
    // Millisecond precision: the records list's cursor carries a JS Date.
    periodStart: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    periodEnd: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    idempotencyKey: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // The records list, newest first (keyset on period_start, id), unfiltered and by type or resource.
    index("cost_records_user_start_idx").on(t.userId, t.periodStart.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("cost_records_user_type_start_idx").on(
      t.userId,
      t.type,
      t.periodStart.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("cost_records_user_resource_start_idx").on(
      t.userId,
      t.resourceType,
      t.resourceId,
      t.periodStart.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

/**
 * The ledger summed per user, UTC day, type and resource, kept by src/server/costs/ledger.ts in the
 * same transaction as every cost_records change. The summary, the breakdowns and the dashboard read
 * this (a month is at most 31 days × the user's resources), never the records themselves.
 */
export const costDaily = pgTable(
  "cost_daily",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    type: text().$type<CostType>().notNull(),
    resourceType: text().$type<CostResourceType>().notNull(),
    resourceId: uuid().notNull(),
    /** Micro-cents. */
    amount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day, t.type, t.resourceType, t.resourceId] })],
);

/** A user's monthly budget. No row (or a null budget) means no budget: no alerts, nothing refused. */
export const budgets = pgTable("budgets", {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  monthlyBudgetCents: bigint({ mode: "number" }),
  /** At 100%: refuse new jobs and deployments, pause deployments, cancel training. */
  hardLimit: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * How far each meter has accrued: `deployment:<id>` (the end of the last accrual) and `storage` (the
 * first UTC day not yet accrued). The records' keys already make a re-run harmless; the marks only
 * say where the next run starts.
 */
export const costMeters = pgTable("cost_meters", {
  key: text().primaryKey(),
  accruedUntil: timestamp({ withTimezone: true, precision: 3 }).notNull(),
});

export type CostRecordRow = typeof costRecords.$inferSelect;
export type BudgetRow = typeof budgets.$inferSelect;
