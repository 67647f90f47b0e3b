/**
 * The simulator's training curves: pure functions of a job's parameters and a step, so any step can
 * be computed alone (a poll computes only the new ones) and always comes out the same.
 *
 * The shapes follow what LoRA fine-tuning typically shows:
 * - training loss decays exponentially from ~2–2.8 towards a floor that keeps sinking slowly with
 *   more epochs (memorisation), faster with a higher learning rate; multiplicative noise of a few %;
 * - validation loss follows the same decay to a slightly higher floor, then, past an onset epoch,
 *   rises: more with a higher learning rate, a larger rank, less dropout and a smaller dataset
 *   (overfitting). Few epochs on plenty of data never reach the onset;
 * - learning rate: linear warmup over `warmupRatio` of the steps, then cosine decay to 0 (the
 *   schedule the Together adapter also asks for);
 * - gradient norm decays from ~1.5 to ~0.3 with noise and rare spikes.
 */
import { hash32, seededRandom } from "../compute/seeded";

export interface CurveParams {
  seed: number;
  learningRate: number;
  loraRank: number;
  loraDropout: number;
  warmupRatio: number;
  batchSize: number;
  /** Training examples (after any held-out split). */
  examples: number;
  stepsPerEpoch: number;
  totalSteps: number;
  /** Mean tokens per example (≤ max sequence length). */
  tokensPerExample: number;
  /** The realistic (unscaled) duration of one step, for the throughput. */
  realStepMs: number;
}

/** Per-job constants drawn once from the seed. */
interface Shape {
  initial: number;
  floor: number;
  gap: number;
  decay: number;
  overfit: number;
  onset: number;
  utilisation: number;
}

function shapeOf(p: CurveParams): Shape {
  const r = seededRandom(`curve:${p.seed}`);
  const lrFactor = Math.min(3, Math.max(0.3, p.learningRate / 2e-4));
  const dataFactor = Math.sqrt(1000 / Math.max(50, p.examples));
  const rankFactor = Math.sqrt(Math.max(1, p.loraRank) / 16);
  const dropoutFactor = Math.max(0.2, 1 - 2 * p.loraDropout);
  return {
    initial: 2 + 0.8 * r(),
    floor: 0.3 + 0.35 * r(),
    gap: 0.04 + 0.08 * r(),
    // Fewer updates per epoch (small datasets, large batches) learn less per epoch.
    decay: 3 * lrFactor ** 0.7 * Math.min(1.5, Math.max(0.5, Math.sqrt(p.stepsPerEpoch / 100))) * (0.8 + 0.4 * r()),
    overfit: 0.022 * lrFactor * dataFactor * rankFactor * dropoutFactor * (0.7 + 0.6 * r()),
    onset: (1.5 + r()) * Math.min(2, Math.max(0.75, 1 / dataFactor)),
    utilisation: 86 + 9 * r(),
  };
}

/** A number in [0, 1) for this job, step and purpose, independent of which other steps were computed. */
function noise(seed: number, step: number, purpose: string): number {
  return seededRandom(`${purpose}:${seed}:${step}`)();
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Epochs elapsed after `step` (fractional). */
export function epochsAt(p: CurveParams, step: number): number {
  return step / p.stepsPerEpoch;
}

/** The 1-based epoch a 1-based step belongs to. */
export function epochOf(p: CurveParams, step: number): number {
  return Math.max(1, Math.ceil(step / p.stepsPerEpoch));
}

/** Training loss without noise (the trend), after `step`. */
export function trainingTrend(p: CurveParams, step: number): number {
  const s = shapeOf(p);
  const x = epochsAt(p, step);
  const floor = s.floor * (1 - 0.35 * (1 - Math.exp(-0.5 * x)));
  return floor + (s.initial - floor) * Math.exp(-s.decay * x);
}

/** Validation loss without noise, after `step`. */
export function validationTrend(p: CurveParams, step: number): number {
  const s = shapeOf(p);
  const x = epochsAt(p, step);
  const floor = s.floor + s.gap;
  const over = x > s.onset ? s.overfit * (x - s.onset) : 0;
  return floor + (s.initial + 0.05 - floor) * Math.exp(-s.decay * x) + over;
}

export function trainingLossAt(p: CurveParams, step: number): number {
  const jitter = 1 + 0.1 * (noise(p.seed, step, "loss") - 0.5);
  return round(trainingTrend(p, step) * jitter, 6);
}

export function validationLossAt(p: CurveParams, step: number): number {
  const jitter = 1 + 0.02 * (noise(p.seed, step, "val") - 0.5);
  return round(validationTrend(p, step) * jitter, 6);
}

/** Linear warmup, then cosine decay to 0. */
export function learningRateAt(p: CurveParams, step: number): number {
  const warmup = Math.round(p.warmupRatio * p.totalSteps);
  if (warmup > 0 && step <= warmup) return round((p.learningRate * step) / warmup, 12);
  const rest = Math.max(1, p.totalSteps - warmup);
  const t = Math.min(1, (step - warmup) / rest);
  return round(p.learningRate * 0.5 * (1 + Math.cos(Math.PI * t)), 12);
}

export function gradNormAt(p: CurveParams, step: number): number {
  const x = epochsAt(p, step);
  const base = 0.3 + 1.2 * Math.exp(-3 * x);
  const spike = noise(p.seed, step, "spike") < 0.01 ? 3 : 1;
  return round(base * (0.85 + 0.3 * noise(p.seed, step, "grad")) * spike, 6);
}

/** Tokens per second: a batch's tokens over the realistic step time, ±3%. */
export function throughputAt(p: CurveParams, step: number): number {
  const tokens = p.batchSize * p.tokensPerExample;
  return round((tokens / (p.realStepMs / 1000)) * (0.97 + 0.06 * noise(p.seed, step, "tps")), 2);
}

export function gpuUtilizationAt(p: CurveParams, step: number): number {
  const u = shapeOf(p).utilisation + 4 * (noise(p.seed, step, "gpu") - 0.5);
  return round(Math.min(100, Math.max(0, u)), 2);
}

/** A stable 31-bit seed for a job id (the training's random seed when the spec gives none). */
export function seedOf(jobId: string): number {
  return hash32(`seed:${jobId}`) & 0x7fffffff;
}
