/**
 * Hugging Face Inference Endpoints' wire shapes (API v2), from its public description: the
 * huggingface_hub client's create payload and the endpoint object it reads back. Pure.
 */
import { z } from "zod";
import { hash32 } from "./seeded";
import type { ComputeSpec, ComputeStatus, EndpointAccess, InferenceEngine, ProviderState } from "./types";
import { phaseOf } from "./types";

/** The server image per engine: `{huggingface: {}}` lets Hugging Face choose from the repository's task. */
export type HfImage =
  | { huggingface: Record<string, never> }
  | { tgi: { url: string; port: number; healthRoute: string } }
  | { vLLM: { url: string; port: number; healthRoute: string } };

export interface HfCreatePayload {
  name: string;
  /** `protected` is the API's deprecated alias of `authenticated`. */
  type: "public" | "authenticated" | "private";
  provider: { vendor: string; region: string };
  compute: {
    accelerator: "cpu" | "gpu";
    instanceType: string;
    instanceSize: string;
    /** `scaleToZeroTimeout` in minutes, only with `minReplica` 0. */
    scaling: { minReplica: number; maxReplica: number; scaleToZeroTimeout?: number };
  };
  /** `task` and `revision` are left out rather than sent as null (`task` is not nullable server-side). */
  model: {
    repository: string;
    framework: string;
    revision?: string;
    task?: string;
    image: HfImage;
    env?: Record<string, string>;
    secrets?: Record<string, string>;
  };
}

const MAX_NAME = 32;

/**
 * The endpoint's name at Hugging Face: one namespace holds every user's deployments, so the name is
 * the deployment's name made DNS-safe plus a suffix from the deployment id. The same deployment
 * always gets the same name, which makes a retried create find its first attempt.
 */
export function endpointName(spec: Pick<ComputeSpec, "name" | "deploymentId">): string {
  const suffix = hash32(spec.deploymentId).toString(36).padStart(7, "0");
  let slug = spec.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, MAX_NAME - suffix.length - 1)
    .replace(/-+$/, "");
  if (!slug) slug = "endpoint";
  return `${slug}-${suffix}`;
}

const ACCESS: Record<EndpointAccess, HfCreatePayload["type"]> = {
  public: "public",
  authenticated: "authenticated",
  private: "private",
};

function image(engine: InferenceEngine | undefined): HfImage {
  switch (engine ?? "default") {
    case "default":
      return { huggingface: {} };
    case "tgi":
      return { tgi: { url: "ghcr.io/huggingface/text-generation-inference:latest", port: 80, healthRoute: "/health" } };
    case "vllm":
      return { vLLM: { url: "vllm/vllm-openai:latest", port: 8000, healthRoute: "/health" } };
  }
}

const nonEmpty = (record: Record<string, string>) => (Object.keys(record).length ? record : undefined);

export function toCreatePayload(spec: ComputeSpec): HfCreatePayload {
  const { compute, scaling, model } = spec;
  const scaleToZero = scaling.minReplicas === 0 ? scaling.scaleToZeroTimeoutMinutes : undefined;
  const env = nonEmpty(spec.env);
  const secrets = nonEmpty(spec.secrets);
  return {
    name: endpointName(spec),
    type: ACCESS[spec.access],
    provider: { vendor: compute.vendor, region: compute.region },
    compute: {
      accelerator: compute.accelerator,
      instanceType: compute.instanceType,
      instanceSize: compute.instanceSize,
      scaling: {
        minReplica: scaling.minReplicas,
        maxReplica: scaling.maxReplicas,
        ...(scaleToZero !== undefined ? { scaleToZeroTimeout: scaleToZero } : {}),
      },
    },
    model: {
      repository: model.repository,
      framework: model.framework,
      ...(model.revision ? { revision: model.revision } : {}),
      ...(model.task ? { task: model.task } : {}),
      image: image(model.engine),
      ...(env ? { env } : {}),
      ...(secrets ? { secrets } : {}),
    },
  };
}

const PROVIDER_STATES = [
  "pending",
  "initializing",
  "updating",
  "updateFailed",
  "running",
  "scaledToZero",
  "paused",
  "failed",
] as const satisfies readonly ProviderState[];

/** The part of the endpoint object we read; anything else the API adds is ignored. */
export const hfEndpointSchema = z.object({
  name: z.string(),
  model: z.object({ repository: z.string() }).loose(),
  status: z
    .object({
      state: z.string(),
      message: z.string().nullish(),
      url: z.string().nullish(),
      readyReplica: z.number().nullish(),
      targetReplica: z.number().nullish(),
    })
    .loose(),
});
export type HfEndpoint = z.infer<typeof hfEndpointSchema>;

const isProviderState = (state: string): state is ProviderState => PROVIDER_STATES.some((s) => s === state);

/**
 * The endpoint object read as our status. A state word this code does not know yet is read as
 * `updating` (starting): transient, so a poller keeps asking instead of failing the deployment.
 */
export function statusFromEndpoint(endpoint: HfEndpoint): ComputeStatus {
  const { status } = endpoint;
  const providerState = isProviderState(status.state) ? status.state : "updating";
  const phase = phaseOf(providerState);
  return {
    phase,
    providerState,
    ...(status.message ? { message: status.message } : {}),
    ...(status.url && phase === "active" ? { url: status.url } : {}),
    ...(status.readyReplica != null && status.targetReplica != null
      ? { replicas: { ready: status.readyReplica, target: status.targetReplica } }
      : {}),
  };
}
