/**
 * Where a simulated job is at a given moment, computed from its record alone.
 *
 * Everything is placed on a logical clock: realistic milliseconds since submit (queue, start-up, one
 * `ms.step` per step, final evaluation, saving). The wall clock runs it `speed` times as fast:
 * wall = submittedAt + logical × speed, so speed 0 puts the whole job at the submit instant while the
 * logical order (which step a failure stopped at, which log line came first) still holds.
 */
import {
  epochOf,
  gpuUtilizationAt,
  gradNormAt,
  learningRateAt,
  throughputAt,
  trainingLossAt,
  validationLossAt,
} from "./simulator-curves";
import { curveParams, type SimTrainingRecord, totalStepsOf } from "./simulator-record";
import type { TrainingCheckpoint, TrainingLogLevel, TrainingMetricsPoint, TrainingPhase } from "./types";

/** Evaluations per epoch besides the one closing it. */
const EVALS_PER_EPOCH = 4;
/** At most about this many metrics points per job (every step below it). */
const MAX_POINTS = 1000;
/** About this many "step …" log lines per job. */
const STEP_LINES = 50;

export const CHECKPOINT_FILES = ["adapter_config.json", "adapter_model.safetensors", "tokenizer.json"] as const;

interface Milestones {
  initStart: number;
  trainStart: number;
  trainEnd: number;
  validateEnd: number;
  done: number;
}

function milestones(r: SimTrainingRecord): Milestones {
  const initStart = r.ms.queued;
  const trainStart = initStart + r.ms.initializing;
  const trainEnd = trainStart + totalStepsOf(r) * r.ms.step;
  const validateEnd = trainEnd + r.ms.validating;
  return { initStart, trainStart, trainEnd, validateEnd, done: validateEnd + r.ms.saving };
}

const stepTime = (r: SimTrainingRecord, step: number) => milestones(r).trainStart + step * r.ms.step;

/** The logical time of a wall-clock instant (everything is over at once when speed is 0). */
export function logicalNow(r: SimTrainingRecord, now: number): number {
  return r.speed > 0 ? (now - r.submittedAt) / r.speed : Number.POSITIVE_INFINITY;
}

export function wallTime(r: SimTrainingRecord, logical: number): string {
  return new Date(Math.round(r.submittedAt + logical * r.speed)).toISOString();
}

/** Completed steps at a logical time, ignoring how the job ends. */
function rawSteps(r: SimTrainingRecord, t: number): number {
  const { trainStart } = milestones(r);
  if (t < trainStart) return 0;
  return Math.min(totalStepsOf(r), Math.floor((t - trainStart) / r.ms.step));
}

export interface SimEnd {
  phase: "completed" | "failed" | "cancelled";
  at: number;
  /** Completed steps when it ended. */
  step: number;
  message?: string;
}

/** How and when (logically) the job ends. A failure wins a tie, then completion, then a cancel. */
export function endOf(r: SimTrainingRecord): SimEnd {
  const m = milestones(r);
  const total = totalStepsOf(r);
  let end: SimEnd = { phase: "completed", at: m.done, step: total };
  if (r.failure) {
    const { afterStep, message } = r.failure;
    const at = afterStep < 0 ? m.initStart + 0.6 * r.ms.initializing : stepTime(r, afterStep) + 0.5 * r.ms.step;
    if (at <= end.at) end = { phase: "failed", at, step: Math.max(0, afterStep), message };
  }
  if (r.cancelledAt !== undefined) {
    const at = logicalNow(r, r.cancelledAt);
    if (at < end.at) end = { phase: "cancelled", at, step: rawSteps(r, at), message: "Cancelled by the user" };
  }
  return end;
}

export function stepsAt(r: SimTrainingRecord, now: number): number {
  const t = logicalNow(r, now);
  const end = endOf(r);
  return t >= end.at ? end.step : rawSteps(r, t);
}

export function phaseAt(r: SimTrainingRecord, now: number): { phase: TrainingPhase; message?: string } {
  const t = logicalNow(r, now);
  const end = endOf(r);
  if (t >= end.at) return { phase: end.phase, ...(end.message ? { message: end.message } : {}) };
  const m = milestones(r);
  if (t < m.initStart) return { phase: "queued" };
  if (t < m.trainStart) return { phase: "initializing" };
  if (t < m.trainEnd) return { phase: "running" };
  if (t < m.validateEnd) return { phase: "validating" };
  return { phase: "saving" };
}

/** Wall-clock milliseconds left until completion (undefined once over). */
export function etaMs(r: SimTrainingRecord, now: number): number | undefined {
  const t = logicalNow(r, now);
  const end = endOf(r);
  if (t >= end.at) return undefined;
  return Math.max(0, (milestones(r).done - t) * r.speed);
}

function evalEvery(r: SimTrainingRecord): number {
  return Math.max(1, Math.round(r.stepsPerEpoch / EVALS_PER_EPOCH));
}

export function isEvalStep(r: SimTrainingRecord, step: number): boolean {
  return step % evalEvery(r) === 0 || step % r.stepsPerEpoch === 0 || step === totalStepsOf(r);
}

function isPointStep(r: SimTrainingRecord, step: number): boolean {
  return step % Math.ceil(totalStepsOf(r) / MAX_POINTS) === 0 || isEvalStep(r, step);
}

export function isCheckpointStep(r: SimTrainingRecord, step: number): boolean {
  return step % r.stepsPerEpoch === 0 || (r.checkpointEvery !== undefined && step % r.checkpointEvery === 0);
}

export function pointAt(r: SimTrainingRecord, step: number): TrainingMetricsPoint {
  const p = curveParams(r);
  return {
    step,
    epoch: epochOf(p, step),
    at: wallTime(r, stepTime(r, step)),
    trainingLoss: trainingLossAt(p, step),
    ...(isEvalStep(r, step) ? { validationLoss: validationLossAt(p, step) } : {}),
    learningRate: learningRateAt(p, step),
    gradNorm: gradNormAt(p, step),
    throughput: throughputAt(p, step),
    gpuUtilization: gpuUtilizationAt(p, step),
  };
}

/** Metrics points for steps in (after, upTo]. */
export function pointsBetween(r: SimTrainingRecord, after: number, upTo: number): TrainingMetricsPoint[] {
  const points: TrainingMetricsPoint[] = [];
  for (let step = after + 1; step <= upTo; step++) if (isPointStep(r, step)) points.push(pointAt(r, step));
  return points;
}

/** Checkpoints for steps in (after, upTo]. */
export function checkpointsBetween(r: SimTrainingRecord, after: number, upTo: number): TrainingCheckpoint[] {
  const p = curveParams(r);
  const total = totalStepsOf(r);
  const out: TrainingCheckpoint[] = [];
  for (let step = after + 1; step <= upTo; step++) {
    if (!isCheckpointStep(r, step)) continue;
    out.push({
      step,
      epoch: epochOf(p, step),
      at: wallTime(r, stepTime(r, step)),
      trainingLoss: trainingLossAt(p, step),
      ...(isEvalStep(r, step) ? { validationLoss: validationLossAt(p, step) } : {}),
      final: step === total,
    });
  }
  return out;
}

interface Line {
  /** Logical time. */
  t: number;
  level: TrainingLogLevel;
  message: string;
  metadata?: Record<string, string | number>;
}

const fmt = (x: number, digits = 4) => x.toFixed(digits);
const int = (x: number) => Math.round(x).toLocaleString("en-US");

/** The lines of the whole run if nothing stopped it, in logical time order. */
function runLines(r: SimTrainingRecord): Line[] {
  const m = milestones(r);
  const p = curveParams(r);
  const total = totalStepsOf(r);
  const { hp, data, gpu } = r;
  const gpus = `${gpu.count}× ${gpu.type}`;
  const info = (t: number, message: string, metadata?: Line["metadata"]): Line => ({ t, level: "INFO", message, metadata });
  const lines: Line[] = [
    info(0, `Job queued: LoRA r=${hp.loraRank}, alpha=${hp.loraAlpha} on ${r.model}`),
    info(0, `Waiting for ${gpus}`),
    info(m.initStart, `Allocated ${gpus}`),
    info(m.initStart + 0.2 * r.ms.initializing, `Downloading base model ${r.model}`),
    info(
      m.initStart + 0.7 * r.ms.initializing,
      `Loaded ${data.fileName}: ${int(data.examples)} training examples (~${int(data.tokensPerExample)} tokens each); ` +
        `validation: ${int(data.validationExamples)} examples (${data.validationSource})`,
    ),
    info(
      m.initStart + 0.9 * r.ms.initializing,
      `Applying LoRA (r=${hp.loraRank}, alpha=${hp.loraAlpha}, dropout=${hp.loraDropout}) to q_proj, v_proj; max sequence length ${hp.maxSeqLength}`,
    ),
    info(
      m.trainStart,
      `Training started: ${hp.epochs} epoch${hp.epochs === 1 ? "" : "s"} × ${int(r.stepsPerEpoch)} steps (batch size ${hp.batchSize}), ` +
        `learning rate ${hp.learningRate} with ${Math.round(hp.warmupRatio * 100)}% warmup, cosine decay`,
    ),
  ];
  const every = Math.max(1, Math.ceil(total / STEP_LINES));
  let best = Number.POSITIVE_INFINITY;
  let bestStep = 0;
  let warned = false;
  for (let step = 1; step <= total; step++) {
    const t = stepTime(r, step);
    const epoch = epochOf(p, step);
    if (step % every === 0) {
      const point = pointAt(r, step);
      lines.push(
        info(
          t,
          `step ${int(step)}/${int(total)} (epoch ${epoch}/${hp.epochs}) loss ${fmt(point.trainingLoss)} ` +
            `lr ${point.learningRate.toExponential(2)} grad_norm ${fmt(point.gradNorm ?? 0, 3)} ${int(point.throughput ?? 0)} tok/s`,
          { step },
        ),
      );
    }
    if (step % r.stepsPerEpoch === 0 || step === total) {
      const val = validationLossAt(p, step);
      lines.push(
        info(t, `Epoch ${epoch}/${hp.epochs} done: training loss ${fmt(trainingLossAt(p, step))}, validation loss ${fmt(val)}`, {
          step,
          epoch,
        }),
      );
      if (!warned && val > best * 1.03) {
        warned = true;
        lines.push({
          t,
          level: "WARNING",
          message: `Validation loss ${fmt(val)} is above its best, ${fmt(best)} at step ${int(bestStep)}: the adapter may be overfitting`,
          metadata: { step },
        });
      }
      if (val < best) [best, bestStep] = [val, step];
    }
    if (isCheckpointStep(r, step)) {
      lines.push(info(t, `Saved checkpoint-${step} (${CHECKPOINT_FILES.join(", ")})`, { step }));
    }
  }
  const finalVal = validationLossAt(p, total);
  lines.push(info(m.trainEnd, `Running the final evaluation on ${int(data.validationExamples)} validation examples`));
  lines.push(
    info(m.validateEnd, `Saving the adapter: final validation loss ${fmt(finalVal)}, perplexity ${fmt(Math.exp(finalVal), 3)}`),
  );
  lines.push(info(m.done, `Training completed: ${int(total)} steps`));
  return lines;
}

export interface SimLogLine {
  seq: number;
  at: string;
  level: TrainingLogLevel;
  message: string;
  metadata?: Record<string, string | number>;
}

/** Every line printed up to `now`, with stable sequence numbers. */
export function logsAt(r: SimTrainingRecord, now: number): SimLogLine[] {
  const t = logicalNow(r, now);
  const end = endOf(r);
  const lines = runLines(r).filter((line) => line.t < end.at || (end.phase === "completed" && line.t <= end.at));
  if (end.phase === "failed") lines.push({ t: end.at, level: "ERROR", message: end.message ?? "Training failed" });
  if (end.phase === "cancelled") {
    lines.push({ t: end.at, level: "WARNING", message: `Cancelled by the user after ${int(end.step)} of ${int(totalStepsOf(r))} steps` });
  }
  return lines
    .map((line, seq) => ({ line, seq }))
    .filter(({ line }) => line.t <= t)
    .map(({ line, seq }) => ({
      seq,
      at: wallTime(r, line.t),
      level: line.level,
      message: line.message,
      ...(line.metadata ? { metadata: line.metadata } : {}),
    }));
}
