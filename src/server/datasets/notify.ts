/** The in-app notification a dataset's validation ends with: one per outcome, however often a step retries. */
import "server-only";
import type { DatasetReport } from "@/lib/datasets/types";
import { formatNumber } from "@/lib/format";
import type { DbOrTx } from "@/server/db/types";
import { notify } from "@/server/notifications/notify";

export interface DatasetNotice {
  userId: string;
  datasetId: string;
  name: string;
}

/** "Line 3: Not valid JSON. (and 11 more errors)": what the dataset's status reason and notification say. */
export function errorSummary(report: Pick<DatasetReport, "errors" | "totalErrors">): string {
  const first = report.errors[0];
  const head = first ? `${first.line > 0 ? `Line ${first.line}: ` : ""}${first.message}` : "The file did not pass validation.";
  const others = report.totalErrors - 1;
  return others > 0 ? `${head} (and ${formatNumber(others)} more ${others === 1 ? "error" : "errors"})` : head;
}

export function readyText(report: DatasetReport): string {
  const { examples, totalTokens, tokenizer } = report.stats;
  const warnings = report.totalWarnings > 0 ? ` ${formatNumber(report.totalWarnings)} ${report.totalWarnings === 1 ? "warning" : "warnings"}.` : "";
  return `${formatNumber(examples)} examples, ${formatNumber(totalTokens)} tokens (${tokenizer}).${warnings}`;
}

async function record(tx: DbOrTx, n: DatasetNotice, outcome: "ready" | "error", title: string, body: string): Promise<void> {
  await notify(tx, {
    userId: n.userId,
    type: outcome === "ready" ? "dataset_ready" : "dataset_failed",
    title,
    body,
    resource: { type: "dataset", id: n.datasetId },
    dedupeKey: `dataset:${n.datasetId}:${outcome}`,
  });
}

export function notifyReady(tx: DbOrTx, n: DatasetNotice, body: string): Promise<void> {
  return record(tx, n, "ready", `Dataset "${n.name}" is ready`, body);
}

export function notifyFailed(tx: DbOrTx, n: DatasetNotice, body: string): Promise<void> {
  return record(tx, n, "error", `Dataset "${n.name}" did not pass validation`, body);
}
