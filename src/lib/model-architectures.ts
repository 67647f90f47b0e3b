/**
 * The attention shapes of catalog models, for KV-cache sizing (./model-fit.ts). The catalog table
 * has no architecture columns, so the figures live here, from each model's published config.json:
 * num_hidden_layers, and per layer K + V values per token = 2 × num_key_value_heads × head_dim.
 * Models not listed fall back to an approximation from their parameter count.
 */

export interface ModelArchitecture {
  layers: number;
  /** Cached K and V values per token per layer (2 × KV heads × head size, or MLA's latent width). */
  kvValuesPerTokenPerLayer: number;
}

const gqa = (layers: number, kvHeads: number, headDim: number): ModelArchitecture => ({
  layers,
  kvValuesPerTokenPerLayer: 2 * kvHeads * headDim,
});

export const MODEL_ARCHITECTURES: Readonly<Record<string, ModelArchitecture>> = {
  "meta-llama-3.1-8b-instruct": gqa(32, 8, 128),
  "meta-llama-3.1-70b-instruct": gqa(80, 8, 128),
  "meta-llama-3.1-405b-instruct": gqa(126, 8, 128),
  "mistral-7b-instruct-v0.3": gqa(32, 8, 128),
  "mixtral-8x7b-instruct": gqa(32, 8, 128),
  "qwen2.5-72b-instruct": gqa(80, 8, 128),
  "qwen2.5-coder-32b-instruct": gqa(64, 8, 128),
  // Multi-head latent attention caches one compressed vector per token and layer:
  // kv_lora_rank 512 + qk_rope_head_dim 64.
  "deepseek-v3": { layers: 61, kvValuesPerTokenPerLayer: 576 },
  "deepseek-r1": { layers: 61, kvValuesPerTokenPerLayer: 576 },
  "gemma-2-27b-it": gqa(46, 16, 128),
  "phi-3.5-mini-instruct": gqa(32, 32, 96),
  // 32 self-attention + 8 cross-attention layers.
  "llama-3.2-11b-vision-instruct": gqa(40, 8, 128),
  // An encoder: embeddings are computed in one pass, nothing is cached between tokens.
  "nomic-embed-text-v1.5": { layers: 12, kvValuesPerTokenPerLayer: 0 },
};
