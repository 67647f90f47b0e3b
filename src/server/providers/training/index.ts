/**
 * The training provider, chosen from the environment: Together AI's fine-tuning API when
 * TOGETHER_API_KEY is set (TOGETHER_API_BASE_URL overrides the API base), the simulator otherwise.
 */
import "server-only";
import { type EnvOf, env } from "@/env";
import { logger } from "@/server/log";
import { TrainingSimulator } from "./simulator";
import { TogetherFineTuning } from "./together";
import type { TrainingAdapterKind, TrainingProvider } from "./types";

export * from "./types";

type TrainingEnv = EnvOf<"TOGETHER_API_KEY" | "TOGETHER_API_BASE_URL" | "TRAINING_SIMULATOR_SPEED" | "TRAINING_SIMULATOR_FAILURE_RATE">;

/** Which provider fine-tuning uses (named by /api/health). */
export function trainingAdapter(e: EnvOf<"TOGETHER_API_KEY"> = env): TrainingAdapterKind {
  return e.TOGETHER_API_KEY ? "together" : "simulator";
}

/** A provider for these variables. */
export function createTrainingProvider(e: TrainingEnv = env): TrainingProvider {
  if (trainingAdapter(e) === "together") {
    return new TogetherFineTuning({ apiKey: e.TOGETHER_API_KEY!, baseUrl: e.TOGETHER_API_BASE_URL });
  }
  return new TrainingSimulator({ speed: e.TRAINING_SIMULATOR_SPEED ?? 1, failureRate: e.TRAINING_SIMULATOR_FAILURE_RATE ?? 0 });
}

let current: { key: string; provider: TrainingProvider } | undefined;

/**
 * This process's provider: made on first use and logged; made again if the variables change (tests).
 * One instance per process matters for the simulator: it remembers cancels made through older ids.
 */
export function trainingProvider(): TrainingProvider {
  const key = JSON.stringify([
    env.TOGETHER_API_KEY,
    env.TOGETHER_API_BASE_URL,
    env.TRAINING_SIMULATOR_SPEED,
    env.TRAINING_SIMULATOR_FAILURE_RATE,
  ]);
  if (current?.key !== key) {
    current = { key, provider: createTrainingProvider() };
    logger.info({ training: current.provider.kind }, "training provider selected");
  }
  return current.provider;
}
