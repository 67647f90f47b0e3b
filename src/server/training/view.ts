/**
 * What a client may read of a training job (the fineTuning router's outputs). Time-series rows carry
 * `at` as an ISO string: a 10,000-point chart would otherwise send superjson a type note per point.
 */
import type { TrainingEstimate } from "@/lib/pricing/training";
import type { TrainingConfig } from "@/lib/training/schema";
import type { JobStage, TrainingStatus } from "@/lib/training-lifecycle";
import type { TrainingCurrentMetrics } from "@/server/db/schema";
import type { TrainingAdapterKind } from "@/server/providers/training/types";

export interface NamedRef {
  id: string;
  name: string;
}

export interface TrainingJobListItem {
  id: string;
  name: string;
  status: TrainingStatus;
  stage: JobStage;
  /** 0..100 */
  progress: number;
  model: NamedRef;
  dataset: NamedRef;
  costSoFarCents: number;
  estimatedTotalCents: number;
  createdAt: Date;
}

export interface TrainingTimelineEntry {
  id: number;
  fromStatus: TrainingStatus | null;
  toStatus: TrainingStatus;
  step: string;
  message: string | null;
  createdAt: Date;
}

export interface TrainingJobDetail extends TrainingJobListItem {
  config: TrainingConfig;
  /** The server's estimate when the job was created (integer cents, seconds). */
  estimate: TrainingEstimate;
  currentEpoch: number;
  totalEpochs: number;
  currentStep: number;
  totalSteps: number;
  currentMetrics: TrainingCurrentMetrics | null;
  /** What the job is billed once it has ended (completed steps only); null while live. */
  finalCostCents: number | null;
  /** The ETA; null once the job has ended. */
  estimatedCompletionAt: Date | null;
  providerKind: TrainingAdapterKind | null;
  artifactId: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
  events: TrainingTimelineEntry[];
}

/** Seed 003's MetricsPoint. */
export interface MetricsPoint {
  step: number;
  epoch: number;
  trainingLoss: number;
  validationLoss: number | null;
  learningRate: number;
  gradientNorm: number | null;
  /** Tokens per second. */
  throughput: number | null;
  /** Percent, 0..100. */
  gpuUtilization: number | null;
  /** ISO 8601. */
  at: string;
}

export type TrainingLogLevel = "info" | "warning" | "error";

export interface TrainingLogItem {
  /** The line's position in the job's log (0-based). */
  id: number;
  /** ISO 8601. */
  at: string;
  level: TrainingLogLevel;
  message: string;
}

export interface TrainingLogPage {
  items: TrainingLogItem[];
  /** Pass it back to get the lines after these; the same cursor when nothing is new yet. */
  nextCursor: string | null;
  /** More lines are already there past this page (fetch again at once rather than at the next tick). */
  hasMore: boolean;
}

export interface TrainingCheckpointItem {
  id: string;
  step: number;
  epoch: number;
  trainingLoss: number | null;
  validationLoss: number | null;
  /** The lowest validation loss of the job's checkpoints (the lowest training loss when none has one). */
  best: boolean;
  /** The adapter the job finished with. */
  final: boolean;
  /** Empty until the files are stored (or when the provider does not keep this checkpoint). */
  files: { name: string; size: number }[];
  createdAt: Date;
}
