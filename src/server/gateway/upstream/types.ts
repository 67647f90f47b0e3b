/**
 * An upstream answers one chat completions request: the in-process offline model, or an
 * OpenAI-compatible server (RADIUM_SIM_UPSTREAM_URL, a Hugging Face endpoint). The gateway handles
 * auth, limits, metering and the wire format around it.
 */
import type { UpstreamKind } from "../params";
import type { ChatRequest } from "../request";
import type { ChatCompletion, ChatCompletionChunk } from "../wire";

export interface UpstreamCall {
  body: ChatRequest;
  /** Aborted when the client goes away (or the gateway gives up): the upstream request must stop. */
  signal: AbortSignal;
}

export type UpstreamResult =
  | { kind: "json"; completion: ChatCompletion }
  /** Pulled one chunk at a time: nothing is read from the upstream faster than the client takes it. */
  | { kind: "stream"; chunks: ReadableStream<ChatCompletionChunk> };

export interface Upstream {
  readonly kind: UpstreamKind;
  complete(call: UpstreamCall): Promise<UpstreamResult>;
}

/** The upstream answered with an error status (or could not be reached: status 0). */
export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = "UpstreamError";
  }
}
