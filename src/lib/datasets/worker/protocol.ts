/** Messages between the page and the validation worker (structured-clone safe: File, plain objects). */
import type { DatasetReport, DatasetValidatorOptions } from "../types";

export interface ValidateRequest {
  type: "validate";
  /** Echoed back on every reply, so a reply to a superseded run can be told apart. */
  runId: number;
  file: File;
  options: DatasetValidatorOptions;
}

export type WorkerReply =
  | { type: "progress"; runId: number; bytes: number; lines: number }
  | { type: "done"; runId: number; report: DatasetReport; elapsedMs: number }
  | { type: "failed"; runId: number; message: string };
