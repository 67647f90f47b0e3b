/**
 * The simulator's whole state is a timeline of operations (create, pause, resume) carried in the
 * provider id the caller stores. Every answer is a pure function of that timeline and the clock, so
 * it survives restarts and agrees across processes (the app and the Inngest functions) with no table
 * and no memory. The timeline holds nothing secret: no environment variables, no secrets.
 */
import { z } from "zod";
import { seededRandom } from "./seeded";
import { type ComputeSpec, type ComputeStatus, ProviderError, type ProviderState, phaseOf } from "./types";

/** Realistic durations in ms before scaling by the speed factor. */
const BASE_MS = { pending: 15_000, initializing: 45_000, resume: 20_000, coldStart: 20_000 };
/** Oldest operations beyond this are dropped (the first, the creation, is always kept). */
const MAX_OPS = 20;
const PREFIX = "sim1_";

const FAILURES = [
  "Endpoint failed to start: the model server exited with code 1 while loading the weights (CUDA out of memory)",
  "Endpoint failed to start: the health route /health did not answer within the start-up timeout",
  "Endpoint failed to start: downloading the weights was refused by the Hub (403: gated repository)",
];

const opSchema = z.discriminatedUnion("kind", [
  /** `pendingMs`/`initializingMs`: phase lengths; `failAtMs` (after `at`) and `failure` when it fails. */
  z.object({
    kind: z.literal("create"),
    at: z.number(),
    pendingMs: z.number(),
    initializingMs: z.number(),
    failAtMs: z.number().optional(),
    failure: z.string().optional(),
  }),
  z.object({ kind: z.literal("pause"), at: z.number() }),
  z.object({ kind: z.literal("resume"), at: z.number(), initializingMs: z.number() }),
]);

const recordSchema = z.object({
  v: z.literal(1),
  deploymentId: z.string(),
  name: z.string(),
  repository: z.string(),
  /** e.g. "nvidia-a10g x1 on aws/us-east-1", for the log lines. */
  hardware: z.string(),
  replicas: z.number(),
  ops: z.array(opSchema).min(1),
});

export type SimOp = z.infer<typeof opSchema>;
export type SimRecord = z.infer<typeof recordSchema>;

export interface SimulatorTuning {
  /** Multiplies every phase duration (0 → instant). */
  speed: number;
  /** Share of deployments (0..1) that fail while starting; decided per deployment id. */
  failureRate: number;
}

const scaled = (base: number, jitter: number, speed: number) => Math.round(base * (0.75 + jitter / 2) * speed);

export function createRecord(spec: ComputeSpec, at: number, tuning: SimulatorTuning): SimRecord {
  const rand = seededRandom(`${spec.deploymentId}:create`);
  const pendingMs = scaled(BASE_MS.pending, rand(), tuning.speed);
  const initializingMs = scaled(BASE_MS.initializing, rand(), tuning.speed);
  const fails = rand() < tuning.failureRate;
  const failAtMs = pendingMs + Math.round(initializingMs * (0.3 + rand() * 0.6));
  const failure = FAILURES[Math.floor(rand() * FAILURES.length)];
  const { compute } = spec;
  return {
    v: 1,
    deploymentId: spec.deploymentId,
    name: spec.name,
    repository: spec.model.repository,
    hardware: `${compute.instanceType} ${compute.instanceSize} on ${compute.vendor}/${compute.region}`,
    replicas: Math.max(1, spec.scaling.minReplicas),
    ops: [{ kind: "create", at, pendingMs, initializingMs, ...(fails ? { failAtMs, failure } : {}) }],
  };
}

/** How long a scaled-to-zero replica of this deployment takes to come back (seeded, time-scaled). */
export function coldStartMs(record: SimRecord, tuning: SimulatorTuning): number {
  return scaled(BASE_MS.coldStart, seededRandom(`${record.deploymentId}:cold`)(), tuning.speed);
}

export function withOp(record: SimRecord, op: SimOp): SimRecord {
  const ops = [...record.ops, op];
  return { ...record, ops: ops.length > MAX_OPS ? [ops[0]!, ...ops.slice(ops.length - MAX_OPS + 1)] : ops };
}

export function resumeOp(record: SimRecord, at: number, tuning: SimulatorTuning): SimOp {
  const resumes = record.ops.filter((op) => op.kind === "resume").length;
  const rand = seededRandom(`${record.deploymentId}:resume:${resumes}`);
  return { kind: "resume", at, initializingMs: scaled(BASE_MS.resume, rand(), tuning.speed) };
}

export function encodeRecord(record: SimRecord): string {
  return PREFIX + Buffer.from(JSON.stringify(record)).toString("base64url");
}

export function decodeRecord(providerId: string): SimRecord {
  const unknown = () =>
    new ProviderError(`Unknown simulated endpoint "${providerId.slice(0, 40)}"`, { code: "not_found", retryable: false });
  if (!providerId.startsWith(PREFIX)) throw unknown();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(providerId.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw unknown();
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success || parsed.data.ops[0]!.kind !== "create") throw unknown();
  return parsed.data;
}

/** The provider's state word and message at `now`, from the last operation. */
export function stateAt(record: SimRecord, now: number): { state: ProviderState; message: string } {
  const op = record.ops[record.ops.length - 1]!;
  const elapsed = now - op.at;
  switch (op.kind) {
    case "create":
      if (op.failAtMs !== undefined && elapsed >= op.failAtMs) return { state: "failed", message: op.failure ?? FAILURES[0]! };
      if (elapsed < op.pendingMs) return { state: "pending", message: "Endpoint waiting to be scheduled" };
      if (elapsed < op.pendingMs + op.initializingMs) return { state: "initializing", message: "Endpoint is initializing" };
      return { state: "running", message: "Endpoint is ready" };
    case "pause":
      return { state: "paused", message: "Endpoint is paused" };
    case "resume":
      if (elapsed < op.initializingMs) return { state: "initializing", message: "Endpoint is initializing" };
      return { state: "running", message: "Endpoint is ready" };
  }
}

export function statusAt(record: SimRecord, now: number, url: string): ComputeStatus {
  const { state, message } = stateAt(record, now);
  const phase = phaseOf(state);
  const target = state === "paused" ? 0 : record.replicas;
  return {
    phase,
    providerState: state,
    message,
    replicas: { ready: state === "running" ? record.replicas : 0, target },
    ...(phase === "active" ? { url } : {}),
  };
}

type Line = { at: number; level: "INFO" | "ERROR"; text: string };

/** What one operation printed, in time order, cut off where the next operation started. */
function opLines(record: SimRecord, op: SimOp, url: string): Line[] {
  const n = record.replicas;
  const replicas = `${n} replica${n === 1 ? "" : "s"}`;
  const info = (at: number, text: string): Line => ({ at, level: "INFO", text });
  switch (op.kind) {
    case "create": {
      const ready = op.at + op.pendingMs;
      const lines = [
        info(op.at, `Endpoint ${record.name} created: ${record.repository} on ${record.hardware}`),
        info(op.at, `Waiting for ${replicas} to be scheduled`),
        info(ready, `Scheduled; pulling the inference server image`),
        info(ready + op.initializingMs * 0.2, `Downloading weights from ${record.repository}`),
        info(ready + op.initializingMs * 0.6, "Loading weights into accelerator memory"),
        info(ready + op.initializingMs * 0.9, "Warming up: compiling kernels, allocating the KV cache"),
        info(ready + op.initializingMs, `Endpoint is running at ${url}`),
      ];
      if (op.failAtMs === undefined) return lines;
      const failedAt = op.at + op.failAtMs;
      return [...lines.filter((l) => l.at < failedAt), { at: failedAt, level: "ERROR", text: op.failure ?? FAILURES[0]! }];
    }
    case "pause":
      return [info(op.at, "Endpoint paused: all replicas stopped")];
    case "resume":
      return [
        info(op.at, `Resuming: waiting for ${replicas} to be scheduled`),
        info(op.at + op.initializingMs * 0.5, "Loading weights into accelerator memory"),
        info(op.at + op.initializingMs, `Endpoint is running at ${url}`),
      ];
  }
}

/** Log lines up to `now`, oldest first: `<ISO time> <LEVEL> <text>`. */
export function logsAt(record: SimRecord, now: number, url: string): string[] {
  return record.ops.flatMap((op, i) => {
    const next = record.ops[i + 1]?.at;
    return opLines(record, op, url)
      .filter((line) => line.at <= now && (next === undefined || line.at < next))
      .map((line) => `${new Date(Math.round(line.at)).toISOString()} ${line.level} ${line.text}`);
  });
}
