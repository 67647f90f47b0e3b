/**
 * What the provider is asked to run, built from the stored row: the configuration's sections mapped
 * to the provider's words (instance type/size, vendor/region, scaling) and the secrets decrypted just
 * for the call. The spec is never returned from a step (Inngest would store the secrets in its state).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { instanceSize, instanceTypeById, regionById } from "@/lib/pricing";
import { deploymentSecrets, models, type DeploymentRow } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { ComputeSpec } from "@/server/providers/compute";
import { modelRepository, modelTask } from "./model-repository";
import { openSecret } from "./secrets-crypto";

export async function computeSpecFor(db: DbOrTx, row: DeploymentRow): Promise<ComputeSpec> {
  const { hardware, scaling, environment, security } = row.config;
  const type = instanceTypeById(hardware.instanceTypeId);
  const size = type && instanceSize(type, hardware.gpuCount);
  const region = regionById(environment.region);
  if (!type || !size || !region) throw new Error(`deployment ${row.id} has hardware or a region the price list no longer has`);
  const [model] = await db.select({ type: models.type }).from(models).where(eq(models.id, row.modelId)).limit(1);
  const sealed = await db.select().from(deploymentSecrets).where(eq(deploymentSecrets.deploymentId, row.id));
  const task = model ? modelTask(model.type) : undefined;
  return {
    deploymentId: row.id,
    name: row.name,
    access: security.access,
    model: { repository: modelRepository(row.modelId), framework: "pytorch", ...(task ? { task } : {}) },
    compute: {
      accelerator: type.accelerator,
      instanceType: type.hfInstanceType,
      instanceSize: size.hfInstanceSize,
      vendor: region.vendor,
      region: region.id,
    },
    scaling: {
      minReplicas: scaling.minReplicas,
      maxReplicas: scaling.maxReplicas,
      ...(scaling.minReplicas === 0 ? { scaleToZeroTimeoutMinutes: scaling.scaleToZeroAfterMinutes } : {}),
    },
    env: Object.fromEntries(environment.envVars.map((v) => [v.key, v.value])),
    secrets: Object.fromEntries(sealed.map((s) => [s.key, openSecret(row.id, s.key, s)])),
  };
}
