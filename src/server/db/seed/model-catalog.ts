import type { models } from "../schema";

type CatalogEntry = Omit<typeof models.$inferInsert, "createdAt" | "updatedAt">;

// Public figures: parameter counts and context windows from the model cards; prices are
// list prices per 1M tokens from the vendor's API or a typical open-weights host (USD).
// minGpuMemoryGb is the 16-bit weights footprint rounded up (8-bit where the model ships in FP8).
export const MODEL_CATALOG: CatalogEntry[] = [
  {
    id: "meta-llama-3.1-8b-instruct", name: "Llama 3.1 8B Instruct", provider: "Meta", type: "chat",
    parameterSize: "8B", parameterCountB: "8.03", contextWindow: 131072,
    inputPricePerMillion: "0.18", outputPricePerMillion: "0.18", minGpuMemoryGb: 16, license: "Llama 3.1 Community",
    description: "Small, fast instruction-tuned Llama for chat, extraction and fine-tuning on a single GPU.",
  },
  {
    id: "meta-llama-3.1-70b-instruct", name: "Llama 3.1 70B Instruct", provider: "Meta", type: "chat",
    parameterSize: "70B", parameterCountB: "70.6", contextWindow: 131072,
    inputPricePerMillion: "0.88", outputPricePerMillion: "0.88", minGpuMemoryGb: 141, license: "Llama 3.1 Community",
    description: "Strong general-purpose open model with a 128K context window.",
  },
  {
    id: "meta-llama-3.1-405b-instruct", name: "Llama 3.1 405B Instruct", provider: "Meta", type: "chat",
    parameterSize: "405B", parameterCountB: "405", contextWindow: 131072,
    inputPricePerMillion: "3.50", outputPricePerMillion: "3.50", minGpuMemoryGb: 405, license: "Llama 3.1 Community",
    description: "Meta's largest open model, served in FP8 across a full 8-GPU node.",
  },
  {
    id: "mistral-7b-instruct-v0.3", name: "Mistral 7B Instruct v0.3", provider: "Mistral AI", type: "chat",
    parameterSize: "7B", parameterCountB: "7.25", contextWindow: 32768,
    inputPricePerMillion: "0.20", outputPricePerMillion: "0.20", minGpuMemoryGb: 15, license: "Apache 2.0",
    description: "Efficient 7B model with function calling support.",
  },
  {
    id: "mixtral-8x7b-instruct", name: "Mixtral 8x7B Instruct", provider: "Mistral AI", type: "chat",
    parameterSize: "8x7B", parameterCountB: "46.7", contextWindow: 32768,
    inputPricePerMillion: "0.60", outputPricePerMillion: "0.60", minGpuMemoryGb: 94, license: "Apache 2.0",
    description: "Sparse mixture-of-experts model: 46.7B parameters, about 13B active per token.",
  },
  {
    id: "qwen2.5-72b-instruct", name: "Qwen2.5 72B Instruct", provider: "Alibaba", type: "chat",
    parameterSize: "72B", parameterCountB: "72.7", contextWindow: 131072,
    inputPricePerMillion: "1.20", outputPricePerMillion: "1.20", minGpuMemoryGb: 146, license: "Qwen",
    description: "Multilingual flagship Qwen2.5 model, strong at math and structured output.",
  },
  {
    id: "qwen2.5-coder-32b-instruct", name: "Qwen2.5 Coder 32B Instruct", provider: "Alibaba", type: "code",
    parameterSize: "32B", parameterCountB: "32.5", contextWindow: 131072,
    inputPricePerMillion: "0.80", outputPricePerMillion: "0.80", minGpuMemoryGb: 66, license: "Apache 2.0",
    description: "Code generation, repair and reasoning model trained on 5.5T tokens.",
  },
  {
    id: "deepseek-v3", name: "DeepSeek V3", provider: "DeepSeek", type: "chat",
    parameterSize: "671B MoE", parameterCountB: "671", contextWindow: 131072,
    inputPricePerMillion: "0.27", outputPricePerMillion: "1.10", minGpuMemoryGb: 700, license: "DeepSeek Model",
    description: "Mixture-of-experts model with 37B active parameters, trained natively in FP8.",
  },
  {
    id: "deepseek-r1", name: "DeepSeek R1", provider: "DeepSeek", type: "chat",
    parameterSize: "671B MoE", parameterCountB: "671", contextWindow: 131072,
    inputPricePerMillion: "0.55", outputPricePerMillion: "2.19", minGpuMemoryGb: 700, license: "MIT",
    description: "Reasoning model trained with reinforcement learning; emits its chain of thought.",
  },
  {
    id: "gemma-2-27b-it", name: "Gemma 2 27B IT", provider: "Google", type: "chat",
    parameterSize: "27B", parameterCountB: "27.2", contextWindow: 8192,
    inputPricePerMillion: "0.80", outputPricePerMillion: "0.80", minGpuMemoryGb: 55, license: "Gemma",
    description: "Google's open Gemma 2 model, instruction-tuned.",
  },
  {
    id: "phi-3.5-mini-instruct", name: "Phi-3.5 Mini Instruct", provider: "Microsoft", type: "chat",
    parameterSize: "3.8B", parameterCountB: "3.82", contextWindow: 131072,
    inputPricePerMillion: "0.10", outputPricePerMillion: "0.10", minGpuMemoryGb: 8, license: "MIT",
    description: "Small model with a long context, suited to edge and low-cost fine-tuning.",
  },
  {
    id: "llama-3.2-11b-vision-instruct", name: "Llama 3.2 11B Vision Instruct", provider: "Meta", type: "vision",
    parameterSize: "11B", parameterCountB: "10.6", contextWindow: 131072,
    inputPricePerMillion: "0.18", outputPricePerMillion: "0.18", minGpuMemoryGb: 22, license: "Llama 3.2 Community",
    description: "Image and text input, text output: captioning, charts and document questions.",
  },
  {
    id: "gpt-4o", name: "GPT-4o", provider: "OpenAI", type: "chat",
    parameterSize: null, parameterCountB: null, contextWindow: 128000,
    inputPricePerMillion: "2.50", outputPricePerMillion: "10.00", minGpuMemoryGb: null, license: "Proprietary",
    description: "OpenAI's multimodal flagship, hosted only.",
  },
  {
    id: "gpt-4o-mini", name: "GPT-4o mini", provider: "OpenAI", type: "chat",
    parameterSize: null, parameterCountB: null, contextWindow: 128000,
    inputPricePerMillion: "0.15", outputPricePerMillion: "0.60", minGpuMemoryGb: null, license: "Proprietary",
    description: "Low-cost hosted model for high-volume chat and tool use.",
  },
  {
    id: "claude-3.5-sonnet", name: "Claude 3.5 Sonnet", provider: "Anthropic", type: "chat",
    parameterSize: null, parameterCountB: null, contextWindow: 200000,
    inputPricePerMillion: "3.00", outputPricePerMillion: "15.00", minGpuMemoryGb: null, license: "Proprietary",
    description: "Hosted model strong at coding, writing and long documents.",
  },
  {
    id: "text-embedding-3-small", name: "text-embedding-3-small", provider: "OpenAI", type: "embedding",
    parameterSize: null, parameterCountB: null, contextWindow: 8191,
    inputPricePerMillion: "0.02", outputPricePerMillion: "0", minGpuMemoryGb: null, license: "Proprietary",
    description: "1536-dimension text embeddings for search and retrieval.",
  },
  {
    id: "nomic-embed-text-v1.5", name: "Nomic Embed Text v1.5", provider: "Nomic AI", type: "embedding",
    parameterSize: "137M", parameterCountB: "0.137", contextWindow: 8192,
    inputPricePerMillion: "0.008", outputPricePerMillion: "0", minGpuMemoryGb: 1, license: "Apache 2.0",
    description: "Open embedding model with Matryoshka dimensions (64–768).",
  },
];
