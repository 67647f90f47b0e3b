/** What a client may read of a model artifact (the artifacts router's outputs): never a storage key. */
import type { TrainingQuality } from "@/lib/training/quality";
import type { TrainingConfig } from "@/lib/training/schema";
import type { TrainingSummary } from "@/server/db/schema";

export interface ArtifactRef {
  id: string;
  name: string;
  version: number;
}

export interface ArtifactFileInfo {
  name: string;
  size: number;
}

export interface ArtifactListItem extends ArtifactRef {
  jobId: string;
  baseModel: { id: string; name: string };
  dataset: { id: string; name: string };
  convergence: TrainingQuality["convergence"]["rating"];
  finalValidationLoss: number | null;
  /** All files together, in bytes. */
  sizeBytes: number;
  createdAt: Date;
}

export interface ArtifactDetail extends ArtifactListItem {
  description: string;
  /** Quality metrics, with the convergence rule's text for the tooltip. */
  quality: TrainingQuality & { convergenceRule: string };
  summary: TrainingSummary;
  configuration: TrainingConfig;
  files: ArtifactFileInfo[];
  /** The checkpoint the files are (the final adapter's step). */
  checkpointStep: number;
  /** The artifact this one follows (same base model and dataset); `deleted` when it has since been deleted. */
  parent: (ArtifactRef & { deleted: boolean }) | null;
  /** Older versions, oldest first, ending with the parent. */
  lineage: (ArtifactRef & { deleted: boolean })[];
  /** Live artifacts trained after this one from the same base model and dataset. */
  children: ArtifactRef[];
  updatedAt: Date;
}

export interface ArtifactDownloads {
  files: (ArtifactFileInfo & { url: string })[];
  /** Every file in one zip, streamed. */
  zipUrl: string;
  /** When the links stop working. */
  expiresAt: Date;
}
