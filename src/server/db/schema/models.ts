import { index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The model catalog: foundation models users chat with, fine-tune and deploy. */
export const models = pgTable(
  "models",
  {
    id: text().primaryKey(), // stable slug, e.g. "meta-llama-3.1-8b-instruct"
    name: text().notNull(),
    provider: text().notNull(),
    type: text().notNull(), // chat | code | embedding | vision
    parameterSize: text(), // display form ("8B", "8x7B"); null when undisclosed
    parameterCountB: numeric({ precision: 10, scale: 3 }), // billions, for size filters
    contextWindow: integer().notNull(), // tokens
    inputPricePerMillion: numeric({ precision: 12, scale: 4 }).notNull(), // USD per 1M input tokens
    outputPricePerMillion: numeric({ precision: 12, scale: 4 }).notNull(),
    status: text().notNull().default("available"), // available | preview | deprecated
    description: text().notNull().default(""),
    minGpuMemoryGb: integer(), // null for hosted-only models
    license: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("models_provider_idx").on(t.provider), index("models_type_idx").on(t.type)],
);

export type Model = typeof models.$inferSelect;
