/**
 * The month-end forecast: what has been spent, plus what runs now kept running to the end of the UTC
 * month. Running deployments at their hourly rate × min replicas; live training jobs their estimate's
 * remainder, prorated when their expected end is past the month's; stored data at today's size per
 * day. Nothing new is assumed to start.
 */
import { microToCents } from "./types";

export interface RunningNow {
  /** Cents per hour of every billed deployment together. */
  deploymentHourlyCents: number;
  trainingJobs: Array<{ remainingMicro: number; startedAt: Date | null; expectedEndAt: Date | null }>;
  storageMicroPerDay: number;
}

export function forecastMicro(spentMicro: number, running: RunningNow, now: Date, monthEnd: Date): number {
  const leftMs = Math.max(0, monthEnd.getTime() - now.getTime());
  const deployments = Math.round((running.deploymentHourlyCents * 1_000_000 * leftMs) / 3_600_000);
  const storage = Math.round((running.storageMicroPerDay * leftMs) / 86_400_000);
  let training = 0;
  for (const j of running.trainingJobs) {
    const end = j.expectedEndAt?.getTime() ?? now.getTime();
    if (end <= monthEnd.getTime()) training += j.remainingMicro;
    else training += Math.round((j.remainingMicro * leftMs) / Math.max(1, end - now.getTime()));
  }
  return spentMicro + deployments + storage + training;
}

export function forecastCents(spentMicro: number, running: RunningNow, now: Date, monthEnd: Date): number {
  return microToCents(forecastMicro(spentMicro, running, now, monthEnd));
}
