import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { createTrainingProvider, trainingAdapter } from "@/server/providers/training";
import { TrainingSimulator } from "@/server/providers/training/simulator";
import { TogetherFineTuning } from "@/server/providers/training/together";
import { startTogetherFake, type TogetherFake } from "../fakes/together-finetune-server";
import { trainingSpec } from "./training-spec";

describe("training provider choice", () => {
  let fake: TogetherFake;
  beforeAll(async () => {
    fake = await startTogetherFake({ apiKey: "tg_env_key" });
  });
  afterAll(() => fake.close());

  it("is the simulator with nothing set, at realistic speed and no failures", async () => {
    const e = parseEnv({});
    expect(trainingAdapter(e)).toBe("simulator");
    expect(e.TRAINING_SIMULATOR_SPEED).toBe(1);
    expect(e.TRAINING_SIMULATOR_FAILURE_RATE).toBe(0);
    const provider = createTrainingProvider(e);
    expect(provider).toBeInstanceOf(TrainingSimulator);
    expect((await provider.submit(trainingSpec())).phase).toBe("queued");
  });

  it("reads the simulator's speed and failure rate", async () => {
    const instant = createTrainingProvider(parseEnv({ TRAINING_SIMULATOR_SPEED: "0", TRAINING_SIMULATOR_FAILURE_RATE: "0" }));
    expect((await instant.submit(trainingSpec())).phase).toBe("completed");
    const failing = createTrainingProvider(parseEnv({ TRAINING_SIMULATOR_SPEED: "0", TRAINING_SIMULATOR_FAILURE_RATE: "1" }));
    expect((await failing.submit(trainingSpec())).phase).toBe("failed");
  });

  it("rejects a speed below 0 or a failure rate outside 0..1 at start, and a base URL that is not one", () => {
    expect(() => parseEnv({ TRAINING_SIMULATOR_SPEED: "-1" })).toThrow(/TRAINING_SIMULATOR_SPEED/);
    expect(() => parseEnv({ TRAINING_SIMULATOR_FAILURE_RATE: "2" })).toThrow(/TRAINING_SIMULATOR_FAILURE_RATE/);
    expect(() => parseEnv({ TOGETHER_API_BASE_URL: "not a url" })).toThrow(/TOGETHER_API_BASE_URL/);
  });

  it("is Together when TOGETHER_API_KEY is set, talking to TOGETHER_API_BASE_URL with that key", async () => {
    const e = parseEnv({ TOGETHER_API_KEY: "tg_env_key", TOGETHER_API_BASE_URL: fake.url });
    expect(trainingAdapter(e)).toBe("together");
    const provider = createTrainingProvider(e);
    expect(provider).toBeInstanceOf(TogetherFineTuning);
    const handle = await provider.submit(trainingSpec({ baseModel: { repository: "Qwen/Qwen2.5-7B-Instruct" } }));
    expect(handle).toMatchObject({ phase: "queued", providerStatus: "pending" });
    expect(fake.requests.at(-1)).toMatchObject({ method: "POST", path: "/v1/fine-tunes", authorization: "Bearer tg_env_key" });
  });
});
