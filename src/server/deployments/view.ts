/** What a client may see of a deployment: never a key hash, never a secret value. */
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import type { StoredDeploymentConfig } from "@/lib/deployments/schema";
import type { MonthlyBand } from "@/lib/pricing";
import type { DeploymentEventRow, DeploymentRow } from "@/server/db/schema";

export interface DeploymentView {
  id: string;
  name: string;
  modelId: string;
  status: DeploymentStatus;
  statusReason: string | null;
  /** The wizard's sections; `environment.secrets` holds names only. */
  config: StoredDeploymentConfig;
  providerKind: DeploymentRow["providerKind"];
  endpointUrl: string | null;
  cost: { hourlyCents: number; monthly: MonthlyBand };
  /**
   * The first characters of the key the wizard made with the deployment (an api_keys row scoped to
   * it), to tell keys apart; null once it is revoked. The key itself was shown once.
   */
  apiTokenPrefix: string | null;
  terms: { version: string; acceptedAt: Date };
  payment: { brand: string; last4: string; expMonth: number; expYear: number };
  requestCount: number;
  avgLatencyMs: number | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** A row of the deployments table: only what the list shows (the detail page has the rest). */
export interface DeploymentListItem {
  id: string;
  name: string;
  modelId: string;
  status: DeploymentStatus;
  hardware: StoredDeploymentConfig["hardware"];
  replicas: Pick<StoredDeploymentConfig["scaling"], "minReplicas" | "maxReplicas">;
  monthly: MonthlyBand;
  createdAt: Date;
}

export interface DeploymentTimelineEntry {
  id: number;
  fromStatus: DeploymentStatus | null;
  toStatus: DeploymentStatus;
  step: string;
  message: string | null;
  createdAt: Date;
}

export function deploymentView(row: DeploymentRow, apiTokenPrefix: string | null): DeploymentView {
  return {
    id: row.id,
    name: row.name,
    modelId: row.modelId,
    status: row.status,
    statusReason: row.statusReason,
    config: row.config,
    providerKind: row.providerKind,
    endpointUrl: row.endpointUrl,
    cost: {
      hourlyCents: row.hourlyCents,
      monthly: { minCents: row.monthlyMinCents, expectedCents: row.monthlyExpectedCents, maxCents: row.monthlyMaxCents },
    },
    apiTokenPrefix,
    terms: { version: row.termsVersion, acceptedAt: row.termsAcceptedAt },
    payment: { brand: row.paymentBrand, last4: row.paymentLast4, expMonth: row.paymentExpMonth, expYear: row.paymentExpYear },
    requestCount: row.requestCount,
    avgLatencyMs: row.avgLatencyMs,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

export function timelineEntry(row: DeploymentEventRow): DeploymentTimelineEntry {
  return {
    id: row.id,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    step: row.step,
    message: row.message,
    createdAt: row.createdAt,
  };
}
