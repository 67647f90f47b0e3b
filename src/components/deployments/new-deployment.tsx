"use client";

import { api } from "@/trpc/react";
import type { WizardAdapter } from "./wizard/adapter-note";
import { DeploymentWizard } from "./wizard/deployment-wizard";

/** The wizard wired to deployments.create. */
export function NewDeployment({ initialModelId, initialAdapter }: { initialModelId?: string; initialAdapter?: WizardAdapter }) {
  const create = api.deployments.create.useMutation();
  const utils = api.useUtils();
  return (
    <DeploymentWizard
      initialModelId={initialModelId}
      initialAdapter={initialAdapter}
      create={async (input) => {
        const result = await create.mutateAsync(input);
        await utils.deployments.list.invalidate();
        return result;
      }}
    />
  );
}
