/**
 * What a job has cost so far, from src/lib/pricing/training.ts's costSoFar: setup plus the completed
 * steps' share, billed only once hardware was allocated (a job still queued, or cancelled or failed in
 * the queue, costs nothing). The provider counts steps its own way (the simulator holds out a tenth
 * of the examples); its share of completed steps is applied to the estimate's steps.
 */
import "server-only";
import { costSoFar, type TrainingEstimate } from "@/lib/pricing/training";

/** Completed steps on the estimate's scale: the provider's completed share, rounded down. */
export function billedSteps(estimate: TrainingEstimate, providerStep: number, providerTotal: number): number {
  if (providerTotal <= 0 || providerStep <= 0) return 0;
  if (providerStep >= providerTotal) return estimate.totalSteps;
  return Math.floor((providerStep * estimate.totalSteps) / providerTotal);
}

export function costCents(
  estimate: TrainingEstimate,
  progress: { hardware: boolean; step: number; totalSteps: number },
): number {
  if (!progress.hardware) return 0;
  return costSoFar(estimate, billedSteps(estimate, progress.step, progress.totalSteps)).totalCents;
}
