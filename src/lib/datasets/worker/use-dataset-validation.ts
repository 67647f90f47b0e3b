"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { DatasetReport, DatasetValidatorOptions } from "../types";
import { validateInWorker, type WorkerValidation } from "./validate-in-worker";

export type ValidationState =
  | { phase: "idle" }
  | { phase: "running"; file: File; bytes: number; lines: number }
  | { phase: "done"; file: File; report: DatasetReport; elapsedMs: number }
  | { phase: "failed"; file: File; message: string };

/**
 * Validates a picked file in a Web Worker before upload. Starting again (another file, another base
 * model) cancels the run in progress; unmounting cancels too.
 */
export function useDatasetValidation() {
  const [state, setState] = useState<ValidationState>({ phase: "idle" });
  const current = useRef<WorkerValidation | null>(null);

  const cancel = useCallback(() => {
    current.current?.cancel();
    current.current = null;
  }, []);

  const validate = useCallback(
    (file: File, options: DatasetValidatorOptions) => {
      cancel();
      startTransition(() => setState({ phase: "running", file, bytes: 0, lines: 0 }));
      // Transitions: React renders progress and the report in slices, so no main-thread task grows long.
      const run = validateInWorker(file, options, (p) => {
        if (current.current === run) startTransition(() => setState({ phase: "running", file, ...p }));
      });
      current.current = run;
      run.done.then(
        ({ report, elapsedMs }) => {
          if (current.current === run) startTransition(() => setState({ phase: "done", file, report, elapsedMs }));
        },
        (err: Error) => {
          if (current.current === run) setState({ phase: "failed", file, message: err.message });
        },
      );
    },
    [cancel],
  );

  const reset = useCallback(() => {
    cancel();
    setState({ phase: "idle" });
  }, [cancel]);

  useEffect(() => cancel, [cancel]);
  return { state, validate, reset };
}
