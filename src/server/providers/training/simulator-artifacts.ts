/**
 * The files of a simulated checkpoint, real and small: a PEFT LoRA `adapter_config.json`, an
 * `adapter_model.safetensors` with PEFT's tensor names (lora_A [r, hidden], lora_B [hidden, r] for
 * q_proj and v_proj of two layers), and a `tokenizer.json` in the Hugging Face tokenizers format.
 * Deterministic per job and step. The weights are shaped by the chosen rank but use a small hidden
 * size (recorded in the safetensors metadata) so a checkpoint stays a few tens of kilobytes; the
 * tokenizer is a small word-level stand-in, not the base model's (the simulator downloads nothing).
 */
import { encodeSafetensors, type TensorInput } from "@/lib/safetensors";
import { seededRandom } from "../compute/seeded";
import type { SimTrainingRecord } from "./simulator-record";
import { CHECKPOINT_FILES } from "./simulator-timeline";
import type { ArtifactFile } from "./types";

export const SIMULATED_HIDDEN_SIZE = 64;
export const SIMULATED_LAYERS = 2;
export const TARGET_MODULES = ["q_proj", "v_proj"] as const;

/** PEFT's LoraConfig as `save_pretrained` writes it (peft ≥ 0.10 keys). */
export function adapterConfig(r: SimTrainingRecord): Record<string, unknown> {
  return {
    alpha_pattern: {},
    auto_mapping: null,
    base_model_name_or_path: r.model,
    bias: "none",
    fan_in_fan_out: false,
    inference_mode: true,
    init_lora_weights: true,
    layers_pattern: null,
    layers_to_transform: null,
    lora_alpha: r.hp.loraAlpha,
    lora_dropout: r.hp.loraDropout,
    modules_to_save: null,
    peft_type: "LORA",
    r: r.hp.loraRank,
    rank_pattern: {},
    revision: null,
    target_modules: [...TARGET_MODULES],
    task_type: "CAUSAL_LM",
    use_dora: false,
    use_rslora: false,
  };
}

/** LoRA weights at `step`: A starts random and drifts a little; B starts at 0 and grows with training. */
export function adapterTensors(r: SimTrainingRecord, step: number): Record<string, TensorInput> {
  const rank = r.hp.loraRank;
  const h = SIMULATED_HIDDEN_SIZE;
  const progress = Math.min(1, step / (r.stepsPerEpoch * r.hp.epochs));
  const tensors: Record<string, TensorInput> = {};
  for (let layer = 0; layer < SIMULATED_LAYERS; layer++) {
    for (const module of TARGET_MODULES) {
      const prefix = `base_model.model.model.layers.${layer}.self_attn.${module}`;
      const init = seededRandom(`${r.seed}:${prefix}:A`);
      const drift = seededRandom(`${r.seed}:${prefix}:A:${step}`);
      const grow = seededRandom(`${r.seed}:${prefix}:B`);
      const bound = 1 / Math.sqrt(h);
      const a = Float32Array.from({ length: rank * h }, () => (init() * 2 - 1) * bound + (drift() - 0.5) * 0.002 * progress);
      const b = Float32Array.from({ length: h * rank }, () => (grow() * 2 - 1) * 0.02 * progress);
      tensors[`${prefix}.lora_A.weight`] = { dtype: "F32", shape: [rank, h], values: a };
      tensors[`${prefix}.lora_B.weight`] = { dtype: "F32", shape: [h, rank], values: b };
    }
  }
  return tensors;
}

const SPECIAL = ["<unk>", "<s>", "</s>", "<pad>"];
const WORDS = (
  "the a an and or of to in on for with is are was be it this that you i we they he she not do can will " +
  "what how why when where which who yes no please thanks hello help question answer user assistant"
).split(" ");

/** A word-level tokenizer in the Hugging Face tokenizers JSON format. */
export function tokenizerJson(): Record<string, unknown> {
  const vocab = Object.fromEntries([...SPECIAL, ...WORDS].map((w, i) => [w, i]));
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: "Lowercase" },
    pre_tokenizer: { type: "Whitespace" },
    post_processor: null,
    decoder: null,
    model: { type: "WordLevel", vocab, unk_token: "<unk>" },
  };
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export function checkpointFiles(r: SimTrainingRecord, step: number): ArtifactFile[] {
  const [config, weights, tokenizer] = CHECKPOINT_FILES;
  return [
    { name: config, contentType: "application/json", data: json(adapterConfig(r)) },
    {
      name: weights,
      contentType: "application/octet-stream",
      data: encodeSafetensors(adapterTensors(r, step), {
        format: "pt",
        step: String(step),
        base_model: r.model,
        simulated_hidden_size: String(SIMULATED_HIDDEN_SIZE),
      }),
    },
    { name: tokenizer, contentType: "application/json", data: json(tokenizerJson()) },
  ];
}
