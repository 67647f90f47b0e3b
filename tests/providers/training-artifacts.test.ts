/** The simulator's checkpoint files are real: PEFT adapter config, a valid safetensors file, a tokenizers JSON. */
import { describe, expect, it } from "vitest";
import { TrainingSimulator } from "@/server/providers/training/simulator";
import type { ArtifactFile } from "@/server/providers/training/types";
import { readSafetensors } from "./training-safetensors-reader";
import { trainingSpec } from "./training-spec";

const T0 = Date.parse("2026-12-02T10:00:00Z");

async function completedJob() {
  const clock = { now: T0 };
  const sim = new TrainingSimulator({ speed: 0.01, failureRate: 0, now: () => clock.now });
  const { providerJobId } = await sim.submit(trainingSpec({ jobId: "job_artifacts", hyperparameters: { epochs: 3, loraRank: 8, loraAlpha: 16 } }));
  const first = await sim.poll(providerJobId);
  return { sim, clock, providerJobId, first };
}

const file = (files: ArtifactFile[], name: string) => files.find((f) => f.name === name)!;
const text = (f: ArtifactFile) => new TextDecoder().decode(f.data);

describe("simulated checkpoint files", () => {
  it("are an adapter_config.json (PEFT LoRA), an adapter_model.safetensors and a tokenizer.json that parse", async () => {
    const { sim, clock, providerJobId, first } = await completedJob();
    clock.now = T0 + first.etaSeconds! * 1000;
    const { checkpoints, phase } = await sim.poll(providerJobId);
    expect(phase).toBe("completed");
    expect(checkpoints.map((c) => c.epoch)).toEqual([1, 2, 3]);

    for (const checkpoint of checkpoints) {
      const files = await sim.downloadCheckpoint(providerJobId, checkpoint.step);
      expect(files.map((f) => [f.name, f.contentType])).toEqual([
        ["adapter_config.json", "application/json"],
        ["adapter_model.safetensors", "application/octet-stream"],
        ["tokenizer.json", "application/json"],
      ]);

      const config = JSON.parse(text(file(files, "adapter_config.json")));
      expect(config).toMatchObject({
        peft_type: "LORA",
        task_type: "CAUSAL_LM",
        base_model_name_or_path: "meta-llama/Llama-3.1-8B-Instruct",
        r: 8,
        lora_alpha: 16,
        lora_dropout: 0.1,
        target_modules: ["q_proj", "v_proj"],
        bias: "none",
        inference_mode: true,
      });

      const weights = readSafetensors(file(files, "adapter_model.safetensors").data);
      expect(weights.metadata).toMatchObject({ format: "pt", step: String(checkpoint.step) });
      const names = Object.keys(weights.tensors).sort();
      expect(names).toHaveLength(2 * 2 * 2);
      for (const name of names) {
        const m = /^base_model\.model\.model\.layers\.(\d+)\.self_attn\.(q_proj|v_proj)\.lora_(A|B)\.weight$/.exec(name);
        expect(m, name).not.toBeNull();
        const { shape, dtype, values } = weights.tensors[name]!;
        expect(dtype).toBe("F32");
        // PEFT: lora_A is [r, in_features], lora_B is [out_features, r].
        expect(shape).toEqual(m![3] === "A" ? [8, 64] : [64, 8]);
        expect(values.every(Number.isFinite)).toBe(true);
      }

      const tokenizer = JSON.parse(text(file(files, "tokenizer.json")));
      expect(tokenizer).toMatchObject({ version: "1.0", model: { type: "WordLevel", unk_token: "<unk>" } });
      expect(tokenizer.added_tokens.map((t: { content: string }) => t.content)).toEqual(["<unk>", "<s>", "</s>", "<pad>"]);
      expect(tokenizer.model.vocab["<unk>"]).toBe(0);
    }

    // The final adapter is the last checkpoint's files; the same step always gives the same bytes.
    const final = await sim.downloadCheckpoint(providerJobId);
    const last = await sim.downloadCheckpoint(providerJobId, checkpoints.at(-1)!.step);
    expect(final.map((f) => Buffer.from(f.data).toString("base64"))).toEqual(last.map((f) => Buffer.from(f.data).toString("base64")));
  });

  it("hold weights that move with training: lora_B grows from the first checkpoint to the last", async () => {
    const { sim, clock, providerJobId, first } = await completedJob();
    clock.now = T0 + first.etaSeconds! * 1000;
    const { checkpoints } = await sim.poll(providerJobId);
    const norm = async (step: number) => {
      const weights = readSafetensors(file(await sim.downloadCheckpoint(providerJobId, step), "adapter_model.safetensors").data);
      const b = weights.tensors["base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight"]!.values;
      return Math.sqrt(b.reduce((sum, x) => sum + x * x, 0));
    };
    expect(await norm(checkpoints.at(-1)!.step)).toBeGreaterThan((await norm(checkpoints[0]!.step)) * 2);
  });

  it("exist only for checkpoints already saved; the final adapter only once completed", async () => {
    const { sim, clock, providerJobId, first } = await completedJob();
    const perEpoch = first.totalSteps / 3;
    await expect(sim.downloadCheckpoint(providerJobId, perEpoch)).rejects.toMatchObject({ code: "not_found" });
    await expect(sim.downloadCheckpoint(providerJobId)).rejects.toMatchObject({
      code: "not_found",
      message: "Training job job_artifacts has not completed: no final adapter yet",
    });
    clock.now = T0 + first.etaSeconds! * 1000;
    await expect(sim.downloadCheckpoint(providerJobId, perEpoch + 1)).rejects.toMatchObject({
      code: "not_found",
      message: `No checkpoint at step ${perEpoch + 1} for training job job_artifacts`,
    });
    expect(await sim.downloadCheckpoint(providerJobId, perEpoch)).toHaveLength(3);
  });
});
