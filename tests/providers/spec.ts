import type { ComputeSpec } from "@/server/providers/compute/types";

/** A deployment as the server would hand it to a provider. */
export function spec(overrides: Partial<ComputeSpec> = {}): ComputeSpec {
  return {
    deploymentId: "dep_01",
    name: "My Llama",
    access: "authenticated",
    model: { repository: "meta-llama/Llama-3.1-8B-Instruct", framework: "pytorch", task: "text-generation" },
    compute: { accelerator: "gpu", instanceType: "nvidia-a10g", instanceSize: "x1", vendor: "aws", region: "us-east-1" },
    scaling: { minReplicas: 1, maxReplicas: 2 },
    env: { MAX_INPUT_TOKENS: "4096" },
    secrets: { WANDB_KEY: "s3cret-value" },
    ...overrides,
  };
}
