/**
 * The wizard's resolver: zodResolver(deploymentConfigSchema) — the schema the router validates —
 * plus the one check the schema cannot make alone because it needs the catalog entry: will the
 * model fit the chosen hardware (deployments.create makes the same check on the server).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { type DeploymentConfig, type DeploymentConfigInput, deploymentConfigSchema } from "@/lib/deployments/schema";
import { type FitModel, modelFit } from "@/lib/model-fit";
import { asPrecision } from "./hardware-text";

export function wizardResolver(getModel: () => FitModel | null): Resolver<DeploymentConfigInput, unknown, DeploymentConfig> {
  const base = zodResolver(deploymentConfigSchema);
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const model = getModel();
    if (!model || model.id !== values.modelId) return result;
    const { instanceTypeId, gpuCount, precision } = values.hardware;
    const fit = modelFit(model, instanceTypeId, gpuCount, asPrecision(precision));
    if (fit.fits || !fit.reason) return result;
    const errors: FieldErrors<DeploymentConfigInput> = { ...result.errors };
    if (fit.neededGb === null) {
      errors.modelId ??= { type: "fit", message: fit.reason };
    } else if (!errors.hardware?.instanceTypeId && !errors.hardware?.gpuCount) {
      const message = `${model.name} ${fit.reason}: choose a larger instance, more GPUs or a lower precision.`;
      errors.hardware = { ...errors.hardware, gpuCount: { type: "fit", message } };
    }
    return { values: {}, errors };
  };
}
