/** The response objects of the Chat Completions API, as much of them as the gateway builds or reads. */

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

export interface ToolCallOut {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  system_fingerprint?: string | null;
  choices: Array<{
    index: number;
    message: { role: "assistant"; content: string | null; refusal?: string | null; tool_calls?: ToolCallOut[] };
    logprobs: unknown;
    finish_reason: FinishReason | null;
  }>;
  usage?: Usage | null;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  system_fingerprint?: string | null;
  choices: Array<{
    index: number;
    delta: { role?: "assistant"; content?: string | null; refusal?: string | null; tool_calls?: ToolCallDelta[] };
    logprobs?: unknown;
    finish_reason: FinishReason | null;
  }>;
  usage?: Usage | null;
}

export function completionId(): string {
  return `chatcmpl-${crypto.randomUUID().replaceAll("-", "")}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function usageOf(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
