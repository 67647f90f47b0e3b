/**
 * Which request parameters each kind of upstream takes. A parameter an upstream cannot honour is
 * refused with a 400 naming it, rather than silently ignored: a caller relying on `tools` or a
 * JSON schema must learn that this deployment will not follow it.
 */
import { type GatewayError, errors } from "./errors";
import type { ChatRequest } from "./request";

export type UpstreamKind = "offline" | "openai-compatible";

/**
 * The in-process offline model is rule-based: sampling parameters are accepted (it is
 * deterministic, so they change nothing), lengths and stop sequences are enforced, JSON mode wraps
 * the answer; it cannot call tools, follow a JSON schema or return log probabilities.
 * OpenAI-compatible servers (vLLM, TGI, Ollama, LM Studio) take everything; they report their
 * own 400 when a model cannot.
 */
export function unsupportedParameter(body: ChatRequest, kind: UpstreamKind): GatewayError | null {
  if (body.n != null && body.n > 1) return errors.unsupportedParam("n", "Only one choice per request is supported (n must be 1).");
  if (kind === "openai-compatible") return null;
  const refuse = (param: string, what: string) =>
    errors.unsupportedParam(param, `'${param}' is not supported by this deployment's model: ${what}.`);
  if (body.tools?.length) return refuse("tools", "the offline simulator model cannot call tools");
  if (body.tool_choice && body.tool_choice !== "none") return refuse("tool_choice", "the offline simulator model cannot call tools");
  if (body.response_format?.type === "json_schema") return refuse("response_format", "it supports 'text' and 'json_object' only");
  if (body.logprobs) return refuse("logprobs", "it does not compute token probabilities");
  if (body.top_logprobs) return refuse("top_logprobs", "it does not compute token probabilities");
  if (body.logit_bias && Object.keys(body.logit_bias).length) return refuse("logit_bias", "it does not sample from token probabilities");
  return null;
}

/** The completion length the caller allows (`max_completion_tokens` wins over the older `max_tokens`). */
export function maxCompletionTokens(body: ChatRequest): number | null {
  return body.max_completion_tokens ?? body.max_tokens ?? null;
}

export function stopSequences(body: ChatRequest): string[] {
  if (!body.stop) return [];
  return (Array.isArray(body.stop) ? body.stop : [body.stop]).filter((s) => s.length > 0);
}
