/**
 * The guarded write every dataset status change goes through: `UPDATE … SET status = next WHERE id = $id
 * AND status = $expected AND deleted_at IS NULL` and its dataset_events row, in one transaction. A
 * retried validation step or a second confirmation whose expectation no longer holds changes nothing,
 * so a dataset never moves backwards and never records the same move twice.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type DatasetEvent, type DatasetStatus, transition } from "@/lib/dataset-lifecycle";
import { datasetEvents, datasets, type DatasetRow } from "@/server/db/schema";
import type { Db, DbOrTx, Tx } from "@/server/db/types";

/** Columns a step may set along with the status (what validation found, when the file arrived). */
export type DatasetPatch = Partial<
  Pick<
    DatasetRow,
    | "format"
    | "contextLength"
    | "validatedBytes"
    | "exampleCount"
    | "tokenCount"
    | "totalErrors"
    | "totalWarnings"
    | "stats"
    | "preview"
    | "errors"
    | "errorCounts"
    | "warnings"
    | "warningCounts"
    | "uploadedAt"
    | "validatedAt"
  >
>;

export type DatasetAdvanceResult =
  | { ok: true; from: DatasetStatus; to: DatasetStatus }
  /** `current` is null when the dataset does not exist, is not the user's, or was deleted. */
  | { ok: false; current: DatasetStatus | null; reason: string };

export interface DatasetAdvanceOptions {
  /** The timeline row's message; for a move to error, also the dataset's status reason. */
  message?: string;
  patch?: DatasetPatch;
  /** Scope to this owner (requests from users); functions act on any dataset by id. */
  userId?: string;
}

/** Inside a caller's transaction (which may add its outbox event or notification to it). */
export async function advanceDatasetIn(
  tx: DbOrTx,
  datasetId: string,
  expected: DatasetStatus,
  event: DatasetEvent,
  opts: DatasetAdvanceOptions = {},
): Promise<DatasetAdvanceResult> {
  const scope = and(eq(datasets.id, datasetId), isNull(datasets.deletedAt), opts.userId ? eq(datasets.userId, opts.userId) : undefined);
  const current = async () => {
    const [row] = await tx.select({ status: datasets.status }).from(datasets).where(scope).limit(1);
    return row?.status ?? null;
  };
  const move = transition(expected, event);
  if (!move.ok) return { ok: false, current: await current(), reason: move.reason };
  const [updated] = await tx
    .update(datasets)
    .set({
      ...opts.patch,
      status: move.to,
      statusReason: move.to === "error" ? (opts.message ?? "Failed") : null,
      updatedAt: sql`now()`,
    })
    .where(and(scope, eq(datasets.status, expected)))
    .returning({ id: datasets.id });
  if (!updated) {
    const now = await current();
    return { ok: false, current: now, reason: now ? `The dataset is ${now}, not ${expected}.` : "Dataset not found." };
  }
  await tx.insert(datasetEvents).values({ datasetId, fromStatus: move.from, toStatus: move.to, step: event, message: opts.message ?? null });
  return { ok: true, from: move.from, to: move.to };
}

/** A guarded write in its own transaction. */
export function advanceDataset(
  db: Db,
  datasetId: string,
  expected: DatasetStatus,
  event: DatasetEvent,
  opts: DatasetAdvanceOptions = {},
): Promise<DatasetAdvanceResult> {
  return db.transaction((tx: Tx) => advanceDatasetIn(tx, datasetId, expected, event, opts));
}
