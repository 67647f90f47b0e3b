/**
 * PLACEHOLDER (dropped at merge): the columns of Helper J's model_artifacts table (w/j,
 * src/server/db/schema/training.ts) that the deployments adapter check reads. No migration: the
 * table exists once J's 0007 lands.
 */
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const modelArtifacts = pgTable(
  "model_artifacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    baseModelId: text().notNull(),
    name: text().notNull(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("model_artifacts_placeholder_idx").on(t.userId)],
);
