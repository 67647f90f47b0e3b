/**
 * The validation function's work: stream the stored file through the shared validator (memory stays
 * flat in the file's size), then, in one transaction, the guarded move validating → ready | error with
 * its timeline row, the statistics, preview and line-numbered issues, and the user's notification.
 * A dataset that is not validating (already done by an earlier attempt, or deleted) is left alone.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { DatasetStatus } from "@/lib/dataset-lifecycle";
import type { DatasetReport } from "@/lib/datasets/types";
import { validateDatasetStream } from "@/lib/datasets/validator";
import { datasets, type DatasetRow, models } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { logger } from "@/server/log";
import { StorageNotFoundError, type StoredStream, storageFor } from "@/server/storage";
import { advanceDatasetIn, type DatasetPatch } from "./advance";
import { errorSummary, notifyFailed, notifyReady, readyText } from "./notify";

export type ValidationOutcome =
  | { outcome: "ready" | "error"; status: DatasetStatus; examples: number; totalErrors: number }
  /** Nothing was written: `status` is what the dataset is (null when gone or deleted). */
  | { outcome: "skipped"; status: DatasetStatus | null };

/** How often the bytes read so far are written while validating (the list shows them as progress). */
const PROGRESS_EVERY_MS = 1000;

/** At most one progress write in flight and one per interval; a failed one is only logged. */
function progressWriter(db: Db, id: string, everyMs: number) {
  let last = 0;
  let chain: Promise<void> = Promise.resolve();
  return {
    note(bytes: number) {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      chain = chain.then(async () => {
        try {
          await db
            .update(datasets)
            .set({ validatedBytes: bytes })
            .where(and(eq(datasets.id, id), eq(datasets.status, "validating")));
        } catch (err) {
          logger.warn({ err, datasetId: id }, "dataset validation progress not written");
        }
      });
    },
    settled: () => chain,
  };
}

async function contextLengthOf(db: Db, row: DatasetRow): Promise<number | undefined> {
  if (!row.baseModelId) return undefined;
  const [model] = await db.select({ contextWindow: models.contextWindow }).from(models).where(eq(models.id, row.baseModelId)).limit(1);
  return model?.contextWindow;
}

function patchOf(report: DatasetReport, contextLength: number | undefined): DatasetPatch {
  return {
    format: report.format,
    contextLength: contextLength ?? null,
    validatedBytes: report.stats.bytes,
    exampleCount: report.stats.examples,
    tokenCount: report.stats.totalTokens,
    totalErrors: report.totalErrors,
    totalWarnings: report.totalWarnings,
    stats: report.stats,
    preview: report.preview,
    errors: report.errors,
    errorCounts: report.errorCounts,
    warnings: report.warnings,
    warningCounts: report.warningCounts,
    validatedAt: new Date(),
  };
}

/** Moves a validating dataset to error with `reason` and says so (a missing file, a run that kept failing). */
export async function failDatasetValidation(db: Db, datasetId: string, reason: string): Promise<ValidationOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(datasets).where(eq(datasets.id, datasetId)).limit(1);
    if (!row || row.deletedAt || row.status !== "validating") return { outcome: "skipped", status: row && !row.deletedAt ? row.status : null };
    const moved = await advanceDatasetIn(tx, datasetId, "validating", "validation_failed", { message: reason, patch: { validatedAt: new Date() } });
    if (!moved.ok) return { outcome: "skipped", status: moved.current };
    await notifyFailed(tx, { userId: row.userId, datasetId, name: row.name }, reason);
    return { outcome: "error", status: moved.to, examples: 0, totalErrors: 0 };
  });
}

export async function validateStoredDataset(db: Db, datasetId: string, opts: { progressEveryMs?: number } = {}): Promise<ValidationOutcome> {
  const [row] = await db.select().from(datasets).where(eq(datasets.id, datasetId)).limit(1);
  if (!row || row.deletedAt) return { outcome: "skipped", status: null };
  if (row.status !== "validating") return { outcome: "skipped", status: row.status };

  const contextLength = await contextLengthOf(db, row);
  let file: StoredStream;
  try {
    file = await (await storageFor(row.storageKind)).readStream(row.storageKey);
  } catch (err) {
    if (err instanceof StorageNotFoundError) return failDatasetValidation(db, datasetId, "The uploaded file is missing from storage: upload it again.");
    throw err;
  }

  const progress = progressWriter(db, datasetId, opts.progressEveryMs ?? PROGRESS_EVERY_MS);
  let report: DatasetReport;
  try {
    report = await validateDatasetStream(
      file.body,
      {
        ...(contextLength ? { contextLength } : {}),
        ...(row.validationSplit !== null ? { validationSplit: row.validationSplit } : {}),
        fileName: row.fileName,
        // The stored statistics feed training estimates and are shown as the dataset's figures, so the server
        // tokenizes every example; the browser's quick check before upload may estimate beyond a sample.
        tokenCounting: "exact",
      },
      (p) => progress.note(p.bytes),
    );
  } catch (err) {
    // Stop reading the file (its handle or connection) before the step fails and is retried.
    await file.body.cancel().catch(() => {});
    throw err;
  } finally {
    await progress.settled();
  }

  const notice = { userId: row.userId, datasetId, name: row.name };
  return db.transaction(async (tx) => {
    const message = report.ok ? `Validated: ${readyText(report)}` : errorSummary(report);
    const moved = await advanceDatasetIn(tx, datasetId, "validating", report.ok ? "validation_passed" : "validation_failed", {
      message,
      patch: patchOf(report, contextLength),
    });
    if (!moved.ok) return { outcome: "skipped", status: moved.current };
    if (report.ok) await notifyReady(tx, notice, readyText(report));
    else await notifyFailed(tx, notice, message);
    return { outcome: report.ok ? "ready" : "error", status: moved.to, examples: report.stats.examples, totalErrors: report.totalErrors };
  });
}
