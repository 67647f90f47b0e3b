"use client";

import { useEffect, useState } from "react";
import { TriangleAlert } from "lucide-react";
import type { TrainingField } from "@/lib/training/schema";
import { retryText, type StartError } from "./server-errors";

const FIELD_LABELS: Record<TrainingField, string> = {
  datasetId: "the dataset",
  baseModelId: "the base model",
  presetId: "the preset",
  quantization: "the base model weights",
  "hyperparameters.learningRate": "the learning rate",
  "hyperparameters.batchSize": "the batch size",
  "hyperparameters.epochs": "the epochs",
  "hyperparameters.loraRank": "the LoRA rank",
  "hyperparameters.loraAlpha": "the LoRA alpha",
  "hyperparameters.loraDropout": "the LoRA dropout",
  "hyperparameters.warmupRatio": "the warm-up ratio",
  "hyperparameters.maxSequenceLength": "the max sequence length",
  "gpu.instanceTypeId": "the GPU type",
  "gpu.gpuCount": "the GPU count",
};

export type { StartError };

const TITLE: Record<StartError["kind"], string> = {
  malformed: "The training request was refused",
  unauthorized: "Signed in as someone else",
  unprocessable: "This job cannot run as configured",
  unavailable: "No training capacity right now",
  other: "Could not start training",
};

/** What a failed Start said that belongs to no field; for no capacity, when to try again (counting down). */
export function StartErrorBanner({ error, onField }: { error: StartError; onField: (field: TrainingField) => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!error.retryAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [error.retryAt]);
  return (
    <div
      role="alert"
      data-testid="start-error"
      data-kind={error.kind}
      className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive"
    >
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-medium">{TITLE[error.kind]}</p>
        {error.messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
        {error.fields.length > 0 ? (
          <p>
            Change {[...new Set(error.fields.map((f) => f.field))].map((field, i, all) => (
              <span key={field}>
                {i > 0 ? (i === all.length - 1 ? " and " : ", ") : null}
                <button
                  type="button"
                  className="font-medium underline underline-offset-2 outline-none focus-visible:ring-[3px] focus-visible:ring-destructive/30"
                  onClick={() => onField(field)}
                >
                  {FIELD_LABELS[field]}
                </button>
              </span>
            ))}
            : {error.fields.length === 1 ? "the problem is" : "the problems are"} marked there.
          </p>
        ) : null}
        {error.retryAt ? (
          <p data-testid="retry-at" data-retry-at={error.retryAt.toISOString()}>
            Try again {retryText(error.retryAt, now)}; your settings are kept.
          </p>
        ) : null}
      </div>
    </div>
  );
}
