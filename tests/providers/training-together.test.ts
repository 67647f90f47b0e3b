/** The Together AI fine-tuning adapter against a local counterpart of Together's API (no mocks of our code). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TogetherFineTuning } from "@/server/providers/training/together";
import {
  INITIAL_CURSOR,
  ProviderError,
  type TrainingCheckpoint,
  type TrainingCursor,
  type TrainingLogLine,
  type TrainingMetricsPoint,
  type TrainingPhase,
} from "@/server/providers/training/types";
import { startTogetherFake, type TogetherFake } from "../fakes/together-finetune-server";
import { readSafetensors } from "./training-safetensors-reader";
import { datasetFile, jsonl, trainingSpec } from "./training-spec";

const KEY = "tg_test_key";
const MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";

/** A LoRA job of 2 epochs × 13 steps (100 examples, batch 8) with a validation file. */
function spec(jobId: string, overrides: Parameters<typeof trainingSpec>[0] = {}) {
  return trainingSpec({
    jobId,
    baseModel: { repository: "meta-llama/Llama-3.1-8B-Instruct", providerModelId: MODEL },
    dataset: datasetFile(jsonl(100, jobId)),
    validationDataset: datasetFile(jsonl(20, `${jobId}-val`), { fileName: "val.jsonl" }),
    hyperparameters: { epochs: 2, batchSize: 8 },
    ...overrides,
  });
}

describe("Together AI fine-tuning adapter", () => {
  let fake: TogetherFake;
  let together: TogetherFineTuning;

  beforeAll(async () => {
    // The clock moves only with advance(): polls at the same moment see the same state.
    const t0 = Date.parse("2026-12-02T10:00:00Z");
    fake = await startTogetherFake({ apiKey: KEY, now: () => t0 });
    together = new TogetherFineTuning({ apiKey: KEY, baseUrl: `${fake.url}/` });
  });
  afterAll(() => fake.close());

  it("create → running with events → completed → adapter downloaded", async () => {
    const s = spec("job_together_1");
    const handle = await together.submit(s);
    expect(handle).toMatchObject({ phase: "queued", providerStatus: "pending" });
    expect(handle.providerJobId).toMatch(/^ft-[0-9a-f-]{36}$/);

    // On the wire: Bearer auth, both files uploaded as multipart, then the LoRA job with our hyperparameters.
    const calls = fake.requests.filter((r) => r.method !== "GET");
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/files/upload", "POST /v1/files/upload", "POST /v1/fine-tunes"]);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(calls[0]!.body).toEqual({ purpose: "fine-tune", file_name: "train.jsonl", file_type: "jsonl", file: expect.stringMatching(/^<\d+ bytes>$/) });
    const create = calls[2]!.body as Record<string, unknown>;
    expect(fake.file(String(create.training_file))!.data).toEqual(await s.dataset.read());
    expect(fake.file(String(create.validation_file))!.filename).toBe("val.jsonl");
    expect(create).toMatchObject({
      model: MODEL,
      n_epochs: 2,
      n_checkpoints: 2,
      n_evals: 8,
      batch_size: 8,
      learning_rate: 2e-4,
      warmup_ratio: 0.05,
      max_seq_length: 2048,
      suffix: "radium-job-together-1",
      lr_scheduler: { lr_scheduler_type: "cosine" },
      training_method: { method: "sft" },
      training_type: { type: "Lora", lora_r: 16, lora_alpha: 32, lora_dropout: 0.1, lora_trainable_modules: "all-linear" },
    });

    const id = handle.providerJobId;
    const job = fake.job(id)!;
    expect(job.totalSteps).toBe(26);
    const points: TrainingMetricsPoint[] = [];
    const logs: TrainingLogLine[] = [];
    const checkpoints: TrainingCheckpoint[] = [];
    const phases: TrainingPhase[] = [];
    let cursor: TrainingCursor = INITIAL_CURSOR;
    let progress = 0;
    for (let i = 0; i < 200 && phases.at(-1) !== "completed"; i++) {
      const u = await together.poll(id, cursor);
      // A retried step polls again from the same cursor and gets the same items.
      const again = await together.poll(id, cursor);
      expect(again.points).toEqual(u.points);
      expect(again.logs).toEqual(u.logs);
      expect(again.checkpoints).toEqual(u.checkpoints);
      if (phases.at(-1) !== u.phase) phases.push(u.phase);
      expect(u.progress).toBeGreaterThanOrEqual(progress);
      progress = u.progress;
      points.push(...u.points);
      logs.push(...u.logs);
      checkpoints.push(...u.checkpoints);
      cursor = u.cursor;
      fake.advance(170);
    }
    expect(phases).toEqual(["queued", "initializing", "running", "saving", "completed"]);

    // Every step once, in order; the evaluations merged into their steps' points.
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(points.filter((p) => p.validationLoss !== undefined).map((p) => p.step)).toEqual(job.evalSteps);
    expect(points[0]).toMatchObject({ epoch: 1, trainingLoss: expect.any(Number), learningRate: expect.any(Number), gradNorm: expect.any(Number) });
    expect(points.at(-1)).toMatchObject({ step: 26, epoch: 2 });
    expect(points.at(-1)!.trainingLoss).toBeLessThan(points[0]!.trainingLoss);

    // Events → log lines, numbered in order, none twice.
    expect(logs.map((l) => l.seq)).toEqual(logs.map((_, i) => i));
    const messages = logs.map((l) => l.message);
    expect(messages).toContain(`Training started for model ${MODEL}`);
    expect(messages).toContain("Checkpoint saved at step 13");
    expect(messages).toContain("Epoch completed, at step 26");
    expect(logs.at(-1)).toMatchObject({ level: "INFO", metadata: { type: "job_complete" } });

    expect(checkpoints).toEqual([
      expect.objectContaining({ step: 13, epoch: 1, final: false }),
      expect.objectContaining({ step: 26, epoch: 2, final: true }),
    ]);

    const done = await together.poll(id, cursor);
    expect(done).toMatchObject({ phase: "completed", providerStatus: "completed", step: 26, totalSteps: 26, epoch: 2, progress: 1 });
    expect(done).toMatchObject({ points: [], logs: [], checkpoints: [] });

    // The adapter: a .tar.zst unpacked to its files, byte for byte what Together served.
    const files = await together.downloadCheckpoint(id);
    const download = fake.requests.findLast((r) => r.path === "/v1/finetune/download")!;
    expect(download.query).toEqual({ ft_id: id, checkpoint: "adapter" });
    expect(files.map((f) => f.name)).toEqual(["adapter_config.json", "adapter_model.safetensors", "tokenizer_config.json"]);
    expect(files.map((f) => f.data)).toEqual(fake.adapterFiles(id, 26).map((f) => f.data));
    expect(JSON.parse(new TextDecoder().decode(files[0]!.data))).toMatchObject({ peft_type: "LORA", r: 16, lora_alpha: 32 });
    expect(Object.keys(readSafetensors(files[1]!.data).tensors)).toHaveLength(8);
    expect(files[1]!.contentType).toBe("application/octet-stream");

    const intermediate = await together.downloadCheckpoint(id, 13);
    expect(fake.requests.findLast((r) => r.path === "/v1/finetune/download")!.query).toEqual({
      ft_id: id,
      checkpoint: "adapter",
      checkpoint_step: "13",
    });
    expect(intermediate.map((f) => f.data)).toEqual(fake.adapterFiles(id, 13).map((f) => f.data));
  });

  it("keeps a step back until its evaluation is logged", async () => {
    const { providerJobId: id } = await together.submit(spec("job_together_eval"));
    const evalStep = fake.job(id)!.evalSteps[0]!;
    // The step's training metrics are logged, its evaluation half a step later.
    fake.advance(fake.job(id)!.msToStep(evalStep) + 1);
    const before = await together.poll(id);
    expect(before.points.map((p) => p.step)).toEqual(Array.from({ length: evalStep - 1 }, (_, i) => i + 1));
    fake.advance(fake.durations.stepMs);
    const after = await together.poll(id, before.cursor);
    expect(after.points[0]).toMatchObject({ step: evalStep, validationLoss: expect.any(Number) });
  });

  it("answers a retried submit with the job the first attempt made (no second upload, no second job)", async () => {
    const s = spec("job_together_retry");
    const first = await together.submit(s);
    const jobs = fake.jobCount();
    const uploads = fake.requests.filter((r) => r.path === "/v1/files/upload").length;
    const again = await together.submit(spec("job_together_retry"));
    expect(again.providerJobId).toBe(first.providerJobId);
    expect(fake.jobCount()).toBe(jobs);
    expect(fake.requests.filter((r) => r.path === "/v1/files/upload").length).toBe(uploads);
    const other = await together.submit(spec("job_together_retry_2"));
    expect(other.providerJobId).not.toBe(first.providerJobId);
  });

  it("cancels a running job: cancel_requested, then cancelled, steps frozen; cancelling again or a finished job is a no-op", async () => {
    const { providerJobId: id } = await together.submit(spec("job_together_cancel"));
    fake.advance(fake.job(id)!.msToStep(5) + 1);
    const running = await together.poll(id);
    expect(running).toMatchObject({ phase: "running", providerStatus: "running" });

    const cancelled = await together.cancel(id);
    expect(cancelled).toMatchObject({ providerJobId: id, phase: "cancelled", providerStatus: "cancel_requested" });
    fake.advance(60_000);
    const after = await together.poll(id, running.cursor);
    expect(after).toMatchObject({ phase: "cancelled", providerStatus: "cancelled", step: 5 });
    // Step 5 was held back while running (its evaluation could still come); the end releases it.
    expect(running.points.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    expect(after.points.map((p) => p.step)).toEqual([5]);
    expect(after.logs.map((l) => l.message)).toEqual(["Job cancellation requested by the user", "Job was stopped"]);
    expect(await together.cancel(id)).toMatchObject({ phase: "cancelled", providerStatus: "cancelled" });

    const finished = await together.submit(spec("job_together_finished"));
    fake.advance(fake.job(finished.providerJobId)!.msToCompletion);
    expect(await together.cancel(finished.providerJobId)).toMatchObject({ phase: "completed", providerStatus: "completed" });
  });

  it("reports a failed job with the provider's message", async () => {
    const { providerJobId: id } = await together.submit(spec("job_together_fails"));
    fake.advance(fake.job(id)!.msToStep(3));
    fake.failJob(id, "CUDA out of memory. Tried to allocate 2.00 GiB");
    const u = await together.poll(id);
    expect(u).toMatchObject({ phase: "failed", providerStatus: "error", message: "CUDA out of memory. Tried to allocate 2.00 GiB" });
    expect(u.logs.at(-1)).toMatchObject({ level: "ERROR", message: "CUDA out of memory. Tried to allocate 2.00 GiB" });
    await expect(together.downloadCheckpoint(id)).rejects.toMatchObject({
      code: "invalid",
      status: 400,
      message: `Fine-tune job ${id} is not completed (status: error)`,
    });
  });

  it("surfaces an API error with the provider's message, and removes the files a refused job would orphan", async () => {
    const before = new Set(fake.requests.filter((r) => r.path === "/v1/files/upload").map((r) => r));
    const err = await together.submit(spec("job_together_bad", { hyperparameters: { epochs: 2, batchSize: 64 } })).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({
      message: "Requested batch size of 64 is higher that the maximum allowed value of 32.",
      code: "invalid",
      status: 400,
      retryable: false,
    });
    const uploads = fake.requests.filter((r) => r.path === "/v1/files/upload" && !before.has(r));
    expect(uploads).toHaveLength(2);
    const deletes = fake.requests.filter((r) => r.method === "DELETE" && r.path.startsWith("/v1/files/"));
    expect(deletes).toHaveLength(2);
    for (const d of deletes) expect(fake.file(d.path.split("/").pop()!)).toBeUndefined();

    const bad = datasetFile(new TextEncoder().encode('{"messages":[]}\nnot json\n'));
    await expect(together.submit(spec("job_together_badfile", { dataset: bad }))).rejects.toMatchObject({
      message: "File validation failed: Invalid JSON on line 2 of the file",
      code: "invalid",
      status: 400,
    });
    await expect(together.poll("ft-00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({
      message: "Fine-tune job ft-00000000-0000-0000-0000-000000000000 not found",
      code: "not_found",
      status: 404,
    });
  });

  it("surfaces a wrong key as unauthorized, a 5xx or 429 as retryable, an unreachable API as unavailable", async () => {
    const wrong = new TogetherFineTuning({ apiKey: "tg_wrong", baseUrl: fake.url });
    await expect(wrong.poll("ft-x")).rejects.toMatchObject({
      name: "ProviderError",
      message: "Invalid API key provided",
      code: "unauthorized",
      status: 401,
      retryable: false,
    });
    const { providerJobId: id } = await together.submit(spec("job_together_5xx"));
    fake.failNext({ method: "GET", path: "/events", status: 503, message: "The server is overloaded, please try again" });
    await expect(together.poll(id)).rejects.toMatchObject({
      message: "The server is overloaded, please try again",
      code: "unavailable",
      status: 503,
      retryable: true,
    });
    fake.failNext({ method: "POST", path: "/cancel", status: 429, raw: "rate limited" });
    await expect(together.cancel(id)).rejects.toMatchObject({ message: "rate limited", status: 429, retryable: true });
    // One-offs: the job is untouched.
    expect((await together.poll(id)).phase).toBe("queued");

    const down = new TogetherFineTuning({ apiKey: KEY, baseUrl: "http://127.0.0.1:9/v1" });
    await expect(down.poll("ft-x")).rejects.toMatchObject({ code: "unavailable", retryable: true });
  });
});
