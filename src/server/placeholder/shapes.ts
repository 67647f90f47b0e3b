/**
 * PLACEHOLDER (dropped at merge): Helper J's router output types, copied from w/j
 * (src/server/training/view.ts, src/server/artifacts/view.ts, src/lib/training/quality.ts), so the UI
 * typechecks against the shapes it will get.
 */
import type { TrainingEstimate } from "@/lib/pricing/training";
import type { TrainingConfig } from "@/lib/training/schema";
import type { JobStage, TrainingStatus } from "@/lib/training-lifecycle";

export interface NamedRef {
  id: string;
  name: string;
}

export interface TrainingJobListItem {
  id: string;
  name: string;
  status: TrainingStatus;
  stage: JobStage;
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

export interface TrainingCurrentMetrics {
  step: number;
  epoch: number;
  trainingLoss: number;
  validationLoss: number | null;
  learningRate: number;
  gradientNorm: number | null;
  throughput: number | null;
  gpuUtilization: number | null;
  at: string;
}

export interface TrainingJobDetail extends TrainingJobListItem {
  config: TrainingConfig;
  estimate: TrainingEstimate;
  currentEpoch: number;
  totalEpochs: number;
  currentStep: number;
  totalSteps: number;
  currentMetrics: TrainingCurrentMetrics | null;
  finalCostCents: number | null;
  estimatedCompletionAt: Date | null;
  providerKind: "simulator" | "together" | null;
  artifactId: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
  events: TrainingTimelineEntry[];
}

export interface MetricsPoint {
  step: number;
  epoch: number;
  trainingLoss: number;
  validationLoss: number | null;
  learningRate: number;
  gradientNorm: number | null;
  throughput: number | null;
  gpuUtilization: number | null;
  at: string;
}

export interface TrainingLogItem {
  id: number;
  at: string;
  level: "info" | "warning" | "error";
  message: string;
}

export interface TrainingLogPage {
  items: TrainingLogItem[];
  nextCursor: string | null;
  hasMore: boolean;
}

export interface TrainingCheckpointItem {
  id: string;
  step: number;
  epoch: number;
  trainingLoss: number | null;
  validationLoss: number | null;
  best: boolean;
  final: boolean;
  files: { name: string; size: number }[];
  createdAt: Date;
}

export type ConvergenceRating = "excellent" | "good" | "fair" | "poor";

export interface TrainingQuality {
  finalTrainingLoss: number | null;
  finalValidationLoss: number | null;
  bestValidationLoss: number | null;
  bestValidationStep: number | null;
  perplexity: number | null;
  lossReduction: number | null;
  overfitting: number | null;
  convergence: { rating: ConvergenceRating; label: string; stars: number; reasons: string[] };
}

export interface TrainingSummary {
  dataset: { id: string; name: string };
  baseModel: { id: string; name: string };
  durationSeconds: number;
  costCents: number;
  gpu: { instanceTypeId: string; label: string; count: number };
  totalSteps: number;
  epochs: number;
  provider: "simulator" | "together";
}

export interface ArtifactRef {
  id: string;
  name: string;
  version: number;
}

export interface ArtifactListItem extends ArtifactRef {
  jobId: string;
  baseModel: { id: string; name: string };
  dataset: { id: string; name: string };
  convergence: ConvergenceRating;
  finalValidationLoss: number | null;
  sizeBytes: number;
  createdAt: Date;
}

export interface ArtifactDetail extends ArtifactListItem {
  description: string;
  quality: TrainingQuality & { convergenceRule: string };
  summary: TrainingSummary;
  configuration: TrainingConfig;
  files: { name: string; size: number }[];
  checkpointStep: number;
  parent: (ArtifactRef & { deleted: boolean }) | null;
  lineage: (ArtifactRef & { deleted: boolean })[];
  children: ArtifactRef[];
  updatedAt: Date;
}

export interface ArtifactDownloads {
  files: { name: string; size: number; url: string }[];
  zipUrl: string;
  expiresAt: Date;
}
