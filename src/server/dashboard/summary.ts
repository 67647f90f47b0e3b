/**
 * dashboard.summary: seed 003's P01 cards (datasets, active jobs, completed models) plus active
 * deployments and the month's spend against the budget, the recent datasets, the live jobs with their
 * progress, and a recent-activity feed merged from the three timelines. Every query is the caller's.
 */
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DatasetStatus } from "@/lib/dataset-lifecycle";
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import { notificationLink } from "@/lib/notifications/types";
import type { TrainingStatus } from "@/lib/training-lifecycle";
import {
  datasetEvents,
  datasets,
  deploymentEvents,
  deployments,
  LIVE_TRAINING_SQL,
  modelArtifacts,
  trainingEvents,
  trainingJobs,
} from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { budgetView, type BudgetView } from "@/server/costs/budget";

export const RECENT_DATASETS = 5;
export const ACTIVE_JOBS = 5;
export const RECENT_ACTIVITY = 10;

export interface ActivityItem {
  kind: "dataset" | "training_job" | "deployment";
  resourceId: string;
  resourceName: string;
  status: DatasetStatus | TrainingStatus | DeploymentStatus;
  step: string;
  message: string | null;
  at: Date;
  link: string;
}

export interface DashboardSummary {
  stats: {
    totalDatasets: number;
    activeJobs: number;
    completedModels: number;
    activeDeployments: number;
    spend: BudgetView;
  };
  recentDatasets: Array<{ id: string; name: string; status: DatasetStatus; exampleCount: number | null; createdAt: Date }>;
  activeJobs: Array<{
    id: string;
    name: string;
    status: TrainingStatus;
    progress: number;
    currentStep: number;
    totalSteps: number;
    estimatedCompletionAt: Date | null;
    costSoFarCents: number;
  }>;
  recentActivity: ActivityItem[];
}

export async function dashboardSummary(db: DbOrTx, userId: string, now = new Date()): Promise<DashboardSummary> {
  const liveDataset = and(eq(datasets.userId, userId), isNull(datasets.deletedAt));
  const [dsCount, jobCount, modelCount, depCount, spend, recent, jobs, dsActivity, jobActivity, depActivity] =
    await Promise.all([
      db.select({ n: count() }).from(datasets).where(liveDataset),
      db.select({ n: count() }).from(trainingJobs).where(and(eq(trainingJobs.userId, userId), LIVE_TRAINING_SQL)),
      db
        .select({ n: count() })
        .from(modelArtifacts)
        .where(and(eq(modelArtifacts.userId, userId), isNull(modelArtifacts.deletedAt))),
      db
        .select({ n: count() })
        .from(deployments)
        .where(and(eq(deployments.userId, userId), eq(deployments.status, "active"))),
      budgetView(db, userId, now),
      db
        .select({
          id: datasets.id,
          name: datasets.name,
          status: datasets.status,
          exampleCount: datasets.exampleCount,
          createdAt: datasets.createdAt,
        })
        .from(datasets)
        .where(liveDataset)
        .orderBy(desc(datasets.createdAt), desc(datasets.id))
        .limit(RECENT_DATASETS),
      db
        .select({
          id: trainingJobs.id,
          name: trainingJobs.name,
          status: trainingJobs.status,
          progress: trainingJobs.progress,
          currentStep: trainingJobs.currentStep,
          totalSteps: trainingJobs.totalSteps,
          estimatedCompletionAt: trainingJobs.estimatedCompletionAt,
          costSoFarCents: trainingJobs.costSoFarCents,
        })
        .from(trainingJobs)
        .where(and(eq(trainingJobs.userId, userId), LIVE_TRAINING_SQL))
        .orderBy(desc(trainingJobs.createdAt), desc(trainingJobs.id))
        .limit(ACTIVE_JOBS),
      db
        .select({
          resourceId: datasets.id,
          resourceName: datasets.name,
          status: datasetEvents.toStatus,
          step: datasetEvents.step,
          message: datasetEvents.message,
          at: datasetEvents.createdAt,
        })
        .from(datasetEvents)
        .innerJoin(datasets, eq(datasets.id, datasetEvents.datasetId))
        .where(eq(datasets.userId, userId))
        .orderBy(desc(datasetEvents.createdAt), desc(datasetEvents.id))
        .limit(RECENT_ACTIVITY),
      db
        .select({
          resourceId: trainingJobs.id,
          resourceName: trainingJobs.name,
          status: trainingEvents.toStatus,
          step: trainingEvents.step,
          message: trainingEvents.message,
          at: trainingEvents.createdAt,
        })
        .from(trainingEvents)
        .innerJoin(trainingJobs, eq(trainingJobs.id, trainingEvents.jobId))
        .where(eq(trainingJobs.userId, userId))
        .orderBy(desc(trainingEvents.createdAt), desc(trainingEvents.id))
        .limit(RECENT_ACTIVITY),
      db
        .select({
          resourceId: deployments.id,
          resourceName: deployments.name,
          status: deploymentEvents.toStatus,
          step: deploymentEvents.step,
          message: deploymentEvents.message,
          at: deploymentEvents.createdAt,
        })
        .from(deploymentEvents)
        .innerJoin(deployments, eq(deployments.id, deploymentEvents.deploymentId))
        .where(eq(deployments.userId, userId))
        .orderBy(desc(deploymentEvents.createdAt), desc(deploymentEvents.id))
        .limit(RECENT_ACTIVITY),
    ]);
  const tag = <K extends ActivityItem["kind"]>(kind: K, rows: Array<Omit<ActivityItem, "kind" | "link">>) =>
    rows.map((r) => ({ ...r, kind, link: notificationLink(kind, r.resourceId) ?? "/" }));
  const recentActivity = [
    ...tag("dataset", dsActivity),
    ...tag("training_job", jobActivity),
    ...tag("deployment", depActivity),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, RECENT_ACTIVITY);
  return {
    stats: {
      totalDatasets: dsCount[0]?.n ?? 0,
      activeJobs: jobCount[0]?.n ?? 0,
      completedModels: modelCount[0]?.n ?? 0,
      activeDeployments: depCount[0]?.n ?? 0,
      spend,
    },
    recentDatasets: recent,
    activeJobs: jobs,
    recentActivity,
  };
}
