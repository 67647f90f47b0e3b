"use client";

import { api } from "@/trpc/react";
import { DeploymentWizard } from "./wizard/deployment-wizard";

/** The wizard wired to deployments.create. */
export function NewDeployment({ initialModelId }: { initialModelId?: string }) {
  const create = api.deployments.create.useMutation();
  const utils = api.useUtils();
  return (
    <DeploymentWizard
      initialModelId={initialModelId}
      create={async (input) => {
        const result = await create.mutateAsync(input);
        await utils.deployments.list.invalidate();
        return result;
      }}
    />
  );
}
