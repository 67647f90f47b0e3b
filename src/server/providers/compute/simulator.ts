/**
 * The default compute provider: no network, no cost. Deterministic per deployment (durations and the
 * failure decision are seeded by the deployment id), time-scaled by COMPUTE_SIMULATOR_SPEED.
 *
 * Design: the provider id IS the state (see simulator-timeline.ts). `create`, `pause` and `resume`
 * return a new provider id carrying the updated timeline; the caller stores it, and `get`/`logs`
 * derive everything from it and the clock. Restarts, several processes and retried steps all see the
 * same answers. Only deletion is remembered in memory (a deleted id answers "not_found" in this
 * process); callers stop asking about a deployment once they have deleted it.
 */
import {
  coldStartMs,
  createRecord,
  decodeRecord,
  encodeRecord,
  logsAt,
  resumeOp,
  type SimRecord,
  type SimulatorTuning,
  stateAt,
  statusAt,
  withOp,
} from "./simulator-timeline";
import { type ComputeHandle, type ComputeProvider, type ComputeSpec, type ComputeStatus, ProviderError } from "./types";

export interface SimulatorOptions extends SimulatorTuning {
  /** The app's origin; endpoint URLs are `${baseUrl}/api/v1/deployments/<deployment id>` (served by the gateway). */
  baseUrl: string;
  now?: () => number;
}

/** Where the gateway serves a simulated deployment (an OpenAI-compatible base URL). */
export function simulatedEndpointUrl(baseUrl: string, deploymentId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/v1/deployments/${encodeURIComponent(deploymentId)}`;
}

export class ComputeSimulator implements ComputeProvider {
  readonly kind = "simulator" as const;
  private readonly deleted = new Set<string>();
  /** Deployments whose replica is starting from zero, and when it serves. */
  private readonly waking = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: SimulatorOptions) {
    this.now = options.now ?? Date.now;
  }

  async create(spec: ComputeSpec): Promise<ComputeHandle> {
    // A create retried after its deployment was torn down must not bring the endpoint back.
    if (this.deleted.has(spec.deploymentId)) {
      throw new ProviderError(`Endpoint for deployment ${spec.deploymentId} was deleted`, { code: "conflict", retryable: false });
    }
    const now = this.now();
    return this.handle(createRecord(spec, now, this.options), now);
  }

  async get(providerId: string): Promise<ComputeStatus> {
    const record = this.load(providerId);
    return statusAt(record, this.now(), this.url(record));
  }

  async pause(providerId: string): Promise<ComputeHandle> {
    const record = this.load(providerId);
    const now = this.now();
    if (stateAt(record, now).state === "paused") return this.handle(record, now);
    return this.handle(withOp(record, { kind: "pause", at: now }), now);
  }

  /** Resuming a paused or failed endpoint starts it again; anything else is already on its way up (no-op). */
  async resume(providerId: string): Promise<ComputeHandle> {
    const record = this.load(providerId);
    const now = this.now();
    const { state } = stateAt(record, now);
    if (state !== "paused" && state !== "failed") return this.handle(record, now);
    return this.handle(withOp(record, resumeOp(record, now, this.options)), now);
  }

  async delete(providerId: string): Promise<void> {
    const record = decodeRecord(providerId);
    this.deleted.add(record.deploymentId);
  }

  async logs(providerId: string): Promise<string[]> {
    const record = this.load(providerId);
    return logsAt(record, this.now(), this.url(record));
  }

  /**
   * The first call starts a replica, which takes the deployment's seeded cold-start time; later
   * calls tell what is left of it, and 0 once it serves (then the next call starts a new cold start:
   * the gateway asks only about a deployment it believes idle). Kept in memory, like deletions.
   */
  async wake(providerId: string): Promise<number> {
    const record = this.load(providerId);
    const now = this.now();
    if (stateAt(record, now).state !== "running") return 0;
    const readyAt = this.waking.get(record.deploymentId);
    if (readyAt === undefined) {
      const ms = coldStartMs(record, this.options);
      if (ms > 0) this.waking.set(record.deploymentId, now + ms);
      return ms;
    }
    if (readyAt > now) return readyAt - now;
    this.waking.delete(record.deploymentId);
    return 0;
  }

  private load(providerId: string): SimRecord {
    const record = decodeRecord(providerId);
    if (this.deleted.has(record.deploymentId)) {
      throw new ProviderError(`Endpoint ${record.name} not found`, { code: "not_found", retryable: false });
    }
    return record;
  }

  private url(record: SimRecord): string {
    return simulatedEndpointUrl(this.options.baseUrl, record.deploymentId);
  }

  private handle(record: SimRecord, now: number): ComputeHandle {
    return { providerId: encodeRecord(record), ...statusAt(record, now, this.url(record)) };
  }
}
