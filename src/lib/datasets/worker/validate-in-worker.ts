import type { DatasetReport, DatasetValidatorOptions } from "../types";
import type { ValidateRequest, WorkerReply } from "./protocol";

export interface WorkerValidation {
  done: Promise<{ report: DatasetReport; elapsedMs: number }>;
  /** Stops the worker at once; `done` then rejects with an AbortError. */
  cancel(): void;
}

let nextRunId = 1;

/**
 * Validates `file` in a fresh module worker. One worker per run: cancelling is `terminate()`, which
 * stops a run mid-chunk, and the script is cached after the first run.
 */
export function validateInWorker(
  file: File,
  options: DatasetValidatorOptions,
  onProgress: (p: { bytes: number; lines: number }) => void,
): WorkerValidation {
  // The literal `new Worker(new URL(..., import.meta.url))` is what the bundler recognises and emits as a chunk.
  const worker = new Worker(new URL("./validate.worker.ts", import.meta.url), { type: "module", name: "dataset-validator" });
  const runId = nextRunId++;
  let settle: { reject: (e: Error) => void } | null = null;
  const done = new Promise<{ report: DatasetReport; elapsedMs: number }>((resolve, reject) => {
    settle = { reject };
    worker.addEventListener("message", (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.runId !== runId) return;
      if (reply.type === "progress") onProgress({ bytes: reply.bytes, lines: reply.lines });
      else {
        worker.terminate();
        if (reply.type === "done") resolve({ report: reply.report, elapsedMs: reply.elapsedMs });
        else reject(new Error(reply.message));
      }
    });
    worker.addEventListener("error", (event) => {
      worker.terminate();
      reject(new Error(event.message || "The validator could not start in this browser."));
    });
  });
  const request: ValidateRequest = { type: "validate", runId, file, options };
  worker.postMessage(request);
  return {
    done,
    cancel() {
      worker.terminate();
      settle?.reject(new DOMException("Validation cancelled", "AbortError"));
    },
  };
}
