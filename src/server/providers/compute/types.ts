/**
 * The one interface every compute provider implements (the simulator by default, Hugging Face
 * Inference Endpoints when configured). The deployment functions call it, one `step.run` per call,
 * and map `phase` onto the deployment lifecycle (src/lib/deployment-lifecycle.ts).
 */

export type ComputeAdapterKind = "simulator" | "huggingface";

/**
 * The provider's own state words, as Hugging Face Inference Endpoints reports them in
 * `status.state`. The simulator reports the same words so both adapters read alike.
 */
export type ProviderState =
  | "pending"
  | "initializing"
  | "updating"
  | "updateFailed"
  | "running"
  | "scaledToZero"
  | "paused"
  | "failed";

/**
 * Our reading of a provider state, in lifecycle words:
 * - `provisioning`: hardware is being allocated (`pending`);
 * - `starting`: the container starts and loads the model (`initializing`, `updating`);
 * - `active`: it serves requests (`running`, and `scaledToZero`, which wakes on the next request);
 * - `paused`: stopped by a pause, no replicas, no cost (`paused`);
 * - `failed`: it will not come up without a change (`failed`, `updateFailed`); `message` says why.
 * Pausing, resuming and deleting are the lifecycle's own transient states: the provider has no word for them.
 */
export type ComputePhase = "provisioning" | "starting" | "active" | "paused" | "failed";

export interface ComputeStatus {
  phase: ComputePhase;
  /** The provider's word, kept for the timeline and the logs. */
  providerState: ProviderState;
  /** The OpenAI-compatible base URL; only once the endpoint is deployed (HF gives it from `running`). */
  url?: string;
  /** The provider's explanation, e.g. why it failed. */
  message?: string;
  replicas?: { ready: number; target: number };
}

/**
 * What create/pause/resume hand back. Store `providerId` after EVERY call: the simulator encodes its
 * (non-secret) timeline in it so its answers survive restarts; Hugging Face's stays the endpoint name.
 */
export interface ComputeHandle extends ComputeStatus {
  providerId: string;
}

/** Who may call the endpoint: anyone, holders of a token of the owner, or only through a private link. */
export type EndpointAccess = "public" | "authenticated" | "private";

/** The inference server the replicas run. `default` lets the provider choose from the repository's task. */
export type InferenceEngine = "default" | "tgi" | "vllm";

/** Everything a deployment needs from a provider. Built by the server from the stored configuration. */
export interface ComputeSpec {
  /** Our deployment id: the simulator's seed and the idempotence of retried creates. */
  deploymentId: string;
  /** The deployment's name; the adapter derives the provider's endpoint name from it and `deploymentId`. */
  name: string;
  access: EndpointAccess;
  model: {
    /** Hugging Face repository id from the catalog, e.g. "meta-llama/Llama-3.1-8B-Instruct". */
    repository: string;
    revision?: string;
    /** "pytorch" for transformers models; "custom" with a custom image. */
    framework: string;
    /** e.g. "text-generation"; left out of the provider payload when unset. */
    task?: string;
    engine?: InferenceEngine;
  };
  compute: {
    accelerator: "cpu" | "gpu";
    /** Provider instance type, e.g. "nvidia-a10g", "intel-icl". */
    instanceType: string;
    /** Provider instance size, e.g. "x1", "x4". */
    instanceSize: string;
    /** Cloud vendor and region, e.g. "aws" / "us-east-1". */
    vendor: string;
    region: string;
  };
  scaling: {
    minReplicas: number;
    maxReplicas: number;
    /** Minutes without requests before scaling to zero; only with `minReplicas` 0. */
    scaleToZeroTimeoutMinutes?: number;
  };
  env: Record<string, string>;
  /** Plaintext values, decrypted just for this call; never logged, never stored by the adapter. */
  secrets: Record<string, string>;
}

export interface ComputeProvider {
  readonly kind: ComputeAdapterKind;
  /**
   * Starts provisioning. A retried create never makes a second endpoint: Hugging Face's answers with the
   * endpoint the first call made (its name derives from `deploymentId`), the simulator's holds no
   * resource; another deployment holding the provider name is a ProviderError "conflict".
   */
  create(spec: ComputeSpec): Promise<ComputeHandle>;
  /** The current state. An unknown id is a ProviderError with code "not_found". */
  get(providerId: string): Promise<ComputeStatus>;
  /** Stops every replica (phase "paused" on return or soon after). */
  pause(providerId: string): Promise<ComputeHandle>;
  /** Starts it again (phase "starting", then "active"). */
  resume(providerId: string): Promise<ComputeHandle>;
  /** Removes it. Idempotent: an endpoint that is already gone counts as deleted. */
  delete(providerId: string): Promise<void>;
  /** Recent log lines, oldest first, for the deployment page. */
  logs(providerId: string): Promise<string[]>;
  /**
   * Wakes an endpoint scaled to zero (the gateway asks before sending it a request); resolves with
   * the milliseconds until it serves again, 0 when it already does.
   */
  wake(providerId: string): Promise<number>;
}

export type ProviderErrorCode = "invalid" | "unauthorized" | "not_found" | "conflict" | "unavailable" | "failed";

/**
 * A provider call that did not succeed. `message` is the provider's own explanation (shown on the
 * timeline); `retryable` tells the step to throw a retriable error rather than fail the deployment.
 */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  /** The HTTP status of the provider's answer, when there was one. */
  readonly status?: number;

  constructor(message: string, opts: { code: ProviderErrorCode; retryable: boolean; status?: number; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = "ProviderError";
    this.code = opts.code;
    this.retryable = opts.retryable;
    this.status = opts.status;
  }
}

/** Provider state → our phase (see ComputePhase). */
export function phaseOf(state: ProviderState): ComputePhase {
  switch (state) {
    case "pending":
      return "provisioning";
    case "initializing":
    case "updating":
      return "starting";
    case "running":
    case "scaledToZero":
      return "active";
    case "paused":
      return "paused";
    case "failed":
    case "updateFailed":
      return "failed";
  }
}
