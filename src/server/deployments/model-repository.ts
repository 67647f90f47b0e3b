/**
 * The Hugging Face repository each deployable catalog model is served from. The catalog table has no
 * repository column; these are the models' official repositories on the Hub.
 */
export const MODEL_REPOSITORIES: Readonly<Record<string, string>> = {
  "meta-llama-3.1-8b-instruct": "meta-llama/Llama-3.1-8B-Instruct",
  "meta-llama-3.1-70b-instruct": "meta-llama/Llama-3.1-70B-Instruct",
  "meta-llama-3.1-405b-instruct": "meta-llama/Llama-3.1-405B-Instruct",
  "mistral-7b-instruct-v0.3": "mistralai/Mistral-7B-Instruct-v0.3",
  "mixtral-8x7b-instruct": "mistralai/Mixtral-8x7B-Instruct-v0.1",
  "qwen2.5-72b-instruct": "Qwen/Qwen2.5-72B-Instruct",
  "qwen2.5-coder-32b-instruct": "Qwen/Qwen2.5-Coder-32B-Instruct",
  "deepseek-v3": "deepseek-ai/DeepSeek-V3",
  "deepseek-r1": "deepseek-ai/DeepSeek-R1",
  "gemma-2-27b-it": "google/gemma-2-27b-it",
  "phi-3.5-mini-instruct": "microsoft/Phi-3.5-mini-instruct",
  "llama-3.2-11b-vision-instruct": "meta-llama/Llama-3.2-11B-Vision-Instruct",
  "nomic-embed-text-v1.5": "nomic-ai/nomic-embed-text-v1.5",
};

const TASKS: Readonly<Record<string, string>> = {
  chat: "text-generation",
  code: "text-generation",
  vision: "image-text-to-text",
  embedding: "sentence-embeddings",
};

export function modelRepository(modelId: string): string {
  return MODEL_REPOSITORIES[modelId] ?? modelId;
}

export function modelTask(type: string): string | undefined {
  return TASKS[type];
}
