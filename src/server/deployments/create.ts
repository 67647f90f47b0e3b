/**
 * deployments.create's server side. The input has passed the shared schema (field formats, min ≤ max
 * replicas, env var names); here come the checks that need the database: the model exists and fits
 * the hardware, an adapter is the caller's own and was trained on that model, the name is free, the
 * idempotency key is new. One transaction writes the row (with the server's own price), the
 * encrypted secrets, the API key scoped to it, the first timeline row and the outbox event that
 * starts provisioning.
 */
import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { adapterIssue } from "@/lib/deployments/adapter";
import { type CreateDeploymentInput, withoutSecretValues } from "@/lib/deployments/schema";
import { modelFit } from "@/lib/model-fit";
import { priceDeployment } from "@/lib/pricing";
import { isUniqueViolation } from "@/server/db/errors";
import { apiKeys, deploymentEvents, deploymentSecrets, deployments, models } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { deploymentProvisionRequested } from "@/server/inngest/events";
import { enqueueEvent } from "@/server/outbox";
import { ownedAdapterArtifact } from "./adapter";
import { issueApiToken } from "./api-token";
import { sealSecret } from "./secrets-crypto";

/** A field-level problem; `path` is from the procedure's input root (`["config", "name"]`). */
export interface FieldIssue {
  path: string[];
  message: string;
}

export type CreateDeploymentResult =
  /** `apiToken` only on the call that created it: a replayed request gets null (it was shown once). */
  | { ok: true; id: string; apiToken: string | null; created: boolean }
  | { ok: false; code: "invalid"; issues: FieldIssue[] }
  | { ok: false; code: "conflict"; issue: FieldIssue };

const nameTaken = (name: string): CreateDeploymentResult => ({
  ok: false,
  code: "conflict",
  issue: { path: ["config", "name"], message: `You already have an endpoint named "${name}": choose another name.` },
});

async function replay(db: Db, userId: string, input: CreateDeploymentInput): Promise<CreateDeploymentResult | null> {
  const [existing] = await db
    .select({ id: deployments.id, name: deployments.name, modelId: deployments.modelId })
    .from(deployments)
    .where(and(eq(deployments.userId, userId), eq(deployments.idempotencyKey, input.idempotencyKey)))
    .limit(1);
  if (!existing) return null;
  if (existing.name !== input.config.name || existing.modelId !== input.config.modelId) {
    return {
      ok: false,
      code: "conflict",
      issue: { path: ["idempotencyKey"], message: "This request key was already used for another deployment; reload the wizard." },
    };
  }
  return { ok: true, id: existing.id, apiToken: null, created: false };
}

export async function createDeployment(db: Db, userId: string, input: CreateDeploymentInput): Promise<CreateDeploymentResult> {
  const { config } = input;
  const replayed = await replay(db, userId, input);
  if (replayed) return replayed;

  const [model] = await db.select().from(models).where(eq(models.id, config.modelId)).limit(1);
  if (!model) {
    return { ok: false, code: "invalid", issues: [{ path: ["config", "modelId"], message: "Choose a model from the catalog." }] };
  }
  const fit = modelFit(model, config.hardware.instanceTypeId, config.hardware.gpuCount, config.hardware.precision);
  if (!fit.fits) {
    const reason = fit.neededGb === null ? (fit.reason ?? "This model cannot be deployed.") : `${model.name} ${fit.reason}.`;
    return { ok: false, code: "invalid", issues: [{ path: ["config", "hardware", "instanceTypeId"], message: reason }] };
  }

  if (config.adapter) {
    // An adapter is the caller's own artifact, served on the model it was trained on.
    const artifact = await ownedAdapterArtifact(db, userId, config.adapter.artifactId);
    const [base] = artifact && artifact.baseModelId !== model.id
      ? await db.select({ name: models.name }).from(models).where(eq(models.id, artifact.baseModelId)).limit(1)
      : [];
    const issue = adapterIssue(artifact, model, base?.name);
    if (issue) return { ok: false, code: "invalid", issues: [issue] };
  }

  const [sameName] = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.userId, userId), eq(deployments.name, config.name), isNull(deployments.deletedAt)))
    .limit(1);
  // The same request submitted twice at once: the other one may have committed since we looked.
  if (sameName) return (await replay(db, userId, input)) ?? nameTaken(config.name);

  const price = priceDeployment(config, model);
  const token = issueApiToken();
  const id = crypto.randomUUID();
  const now = new Date();
  try {
    const inserted = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(deployments)
        .values({
          id,
          userId,
          name: config.name,
          modelId: config.modelId,
          config: withoutSecretValues(config),
          status: "pending",
          hourlyCents: price.hourlyCents,
          monthlyMinCents: price.monthly.minCents,
          monthlyExpectedCents: price.monthly.expectedCents,
          monthlyMaxCents: price.monthly.maxCents,
          termsVersion: input.terms.version,
          termsAcceptedAt: now,
          paymentBrand: input.payment.brand,
          paymentLast4: input.payment.last4,
          paymentExpMonth: input.payment.expMonth,
          paymentExpYear: input.payment.expYear,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
          updatedAt: now,
        })
        // A concurrent request with the same key got there first: this one changes nothing.
        .onConflictDoNothing({ target: [deployments.userId, deployments.idempotencyKey] })
        .returning({ id: deployments.id });
      if (!row) return false;
      // The wizard's token is an API key scoped to this deployment.
      await tx.insert(apiKeys).values({
        userId,
        name: `${config.name} (created with the deployment)`,
        hash: token.hash,
        prefix: token.prefix,
        deploymentId: id,
        createdAt: now,
      });
      if (config.environment.secrets.length > 0) {
        await tx
          .insert(deploymentSecrets)
          .values(config.environment.secrets.map((s) => ({ deploymentId: id, key: s.key, ...sealSecret(id, s.key, s.value) })));
      }
      await tx.insert(deploymentEvents).values({ deploymentId: id, fromStatus: null, toStatus: "pending", step: "created", message: "Deployment requested" });
      await enqueueEvent(tx, { name: deploymentProvisionRequested.name, data: { deploymentId: id, userId } });
      return true;
    });
    if (!inserted) return (await replay(db, userId, input)) ?? nameTaken(config.name);
  } catch (err) {
    // Two submits at once: the name index may fire before the idempotency key's conflict is seen.
    if (isUniqueViolation(err)) return (await replay(db, userId, input)) ?? nameTaken(config.name);
    throw err;
  }
  return { ok: true, id, apiToken: token.token, created: true };
}
