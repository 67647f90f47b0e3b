/**
 * POST /v1/chat/completions, start to end: auth → body (413/400) → route (404/403/409/503) →
 * parameters (400) → limits (429) → cold start (503) → upstream → response, and one usage record
 * per request that reached a deployment, written after the response (meter.ts).
 */
import "server-only";
import { env } from "@/env";
import { getDb } from "@/server/db";
import type { Db } from "@/server/db/types";
import { logger } from "@/server/log";
import { computeProvider } from "@/server/providers/compute";
import type { ComputeProvider } from "@/server/providers/compute/types";
import { authenticate, type Principal } from "./auth";
import { awaitWarm, markServed } from "./cold-start";
import { baseHeaders, errorResponse, errors, GatewayError } from "./errors";
import { limiter } from "./limits";
import { limitScopes } from "./limits-math";
import { LOGGED_TEXT_MAX, meter, truncateLogged } from "./meter";
import { unsupportedParameter } from "./params";
import { type ChatRequest, type GatewayRequest, messageText, parseChatRequest, readBody } from "./request";
import { type RoutedDeployment, routeDeploymentId, routeModel } from "./resolve";
import { sseStream } from "./stream";
import { countPrompt, countText, tokenizer } from "./tokens";
import { upstreamFor } from "./upstream";
import { UpstreamError } from "./upstream/types";
import { upstreamFailure } from "./upstream-errors";
import { type ChatCompletion, usageOf } from "./wire";

// The tokenizer's tables load once per process: a server starts now rather than on the first
// request (tests and scripts that merely import this module do not pay for it).
if (env.NODE_ENV === "production") void tokenizer().catch(() => {});

export interface GatewayContext {
  /** The chat passes its signed-in user; API calls authenticate with their key. */
  principal?: Principal;
  db?: Db;
  provider?: () => ComputeProvider;
  requestId?: string;
  /** Told which deployment the request was routed to (the chat shows it). */
  onRouted?: (dep: RoutedDeployment) => void;
  /**
   * A deployment's own URL (`/api/v1/deployments/<id>`, the simulator's endpoint URL) names the
   * deployment: `model` is then not used for routing, and answers carry the endpoint name.
   */
  deploymentId?: string;
}

interface Meterable {
  db: Db;
  model: string;
  principal: Principal;
  dep: RoutedDeployment;
  body: ChatRequest;
  requestId: string | null;
  startedAt: number;
  createdAt: Date;
  admission?: { windowStart: Date; scopes: string[]; promptTokens: number };
}

function record(
  m: Meterable,
  outcome: { status: number; errorCode: string | null; promptTokens: number; completionTokens: number; ttftMs: number | null; responseText?: string },
) {
  const totalMs = Math.round(performance.now() - m.startedAt);
  const logged = m.dep.requestLogging;
  const usedTokens = outcome.promptTokens + outcome.completionTokens;
  meter(m.db, {
    record: {
      userId: m.principal.userId,
      apiKeyId: m.principal.key?.id ?? null,
      deploymentId: m.dep.id,
      model: m.model,
      source: m.principal.source,
      requestId: m.requestId,
      promptTokens: outcome.promptTokens,
      completionTokens: outcome.completionTokens,
      ttftMs: outcome.ttftMs,
      totalMs,
      status: outcome.status,
      errorCode: outcome.errorCode,
      stream: Boolean(m.body.stream),
      requestText: logged ? truncateLogged(m.body.messages.map((x) => `${x.role}: ${messageText(x)}`).join("\n")) : null,
      responseText: logged && outcome.responseText !== undefined ? truncateLogged(outcome.responseText) : null,
      createdAt: m.createdAt,
    },
    ...(m.admission ? { charge: { ...m.admission, tokens: limiter().absorbTokens(m.admission, usedTokens - m.admission.promptTokens) } } : {}),
  });
}

export async function handleChatCompletions(req: GatewayRequest, ctx: GatewayContext = {}): Promise<Response> {
  const startedAt = performance.now();
  const createdAt = new Date();
  // Where the time went before the upstream answered, as a Server-Timing header (ms per step).
  const timing: Array<[string, number]> = [];
  let mark = startedAt;
  const step = (name: string) => {
    const now = performance.now();
    timing.push([name, now - mark]);
    mark = now;
  };
  const db = ctx.db ?? (await getDb());
  const principal = ctx.principal ?? (await authenticate(db, req));
  if (principal instanceof GatewayError) return errorResponse(principal);
  const type = req.headers.get("content-type");
  if (type && !/json/i.test(type)) return errorResponse(errors.unsupportedMediaType());

  step("auth");
  const raw = await readBody(req, env.GATEWAY_MAX_BODY_BYTES);
  if (raw instanceof GatewayError) return errorResponse(raw);
  const body = parseChatRequest(raw);
  if (body instanceof GatewayError) return errorResponse(body);

  step("body");
  const routed = ctx.deploymentId ? await routeDeploymentId(db, principal, ctx.deploymentId) : await routeModel(db, principal, body.model);
  if (routed instanceof GatewayError) return errorResponse(routed);
  const dep = routed;
  // Answers and usage name the model as the caller addressed it.
  const model = ctx.deploymentId ? dep.name : body.model;
  ctx.onRouted?.(dep);
  const m: Meterable = { db, model, principal, dep, body, requestId: ctx.requestId ?? req.headers.get("x-request-id"), startedAt, createdAt };
  const fail = (err: GatewayError, headers?: Record<string, string>, promptTokens = 0) => {
    record(m, { status: err.status, errorCode: err.code, promptTokens, completionTokens: 0, ttftMs: null });
    return errorResponse(err, headers);
  };

  step("route");
  const upstream = upstreamFor(dep);
  if (!upstream) return fail(errors.unavailable(dep.name, 30, "has no endpoint URL yet"));
  const refused = unsupportedParameter(body, upstream.kind);
  if (refused) return fail(refused);

  const promptTokens = await countPrompt(body.messages);
  step("tokens");
  const caller = principal.key ? { keyId: principal.key.id } : { userId: principal.userId };
  const admission = await limiter().admit(db, limitScopes(dep.id, caller), dep.limits, promptTokens);
  if (admission instanceof GatewayError) return fail(admission, undefined, 0);
  step("limits");
  m.admission = { windowStart: admission.windowStart, scopes: admission.scopes, promptTokens };
  const limitHeaders = admission.headers;

  const abort = new AbortController();
  const onClientGone = () => abort.abort(req.signal.reason);
  req.signal.addEventListener("abort", onClientGone, { once: true });

  const cold = await awaitWarm(dep, ctx.provider ?? computeProvider, env.GATEWAY_COLD_START_WAIT_MS, abort.signal);
  if (cold) return fail(cold, limitHeaders, promptTokens);

  step("wake");
  let result: Awaited<ReturnType<typeof upstream.complete>>;
  try {
    result = await upstream.complete({ body, signal: abort.signal });
  } catch (err) {
    req.signal.removeEventListener("abort", onClientGone);
    if (abort.signal.aborted) {
      record(m, { status: 499, errorCode: "client_closed", promptTokens, completionTokens: 0, ttftMs: null });
      return errorResponse(new GatewayError(499, "invalid_request_error", "client_closed", "The client closed the request."));
    }
    if (err instanceof UpstreamError) return fail(upstreamFailure(err, dep.name), limitHeaders, promptTokens);
    logger.error({ err, deploymentId: dep.id }, "gateway: upstream call failed");
    return fail(errors.upstream("The model server could not be called."), limitHeaders, promptTokens);
  }
  step("upstream");
  markServed(dep.id);
  const serverTiming = timing.map(([n, d]) => `${n};dur=${d.toFixed(2)}`).join(", ");
  const keepText = dep.requestLogging ? LOGGED_TEXT_MAX : 0;

  if (result.kind === "json") {
    req.signal.removeEventListener("abort", onClientGone);
    const completion: ChatCompletion = { ...result.completion, model };
    const content = completion.choices.map((c) => c.message.content ?? "").join("");
    const usage = completion.usage ?? usageOf(promptTokens, await countText(content));
    completion.usage = usage;
    const totalMs = Math.round(performance.now() - startedAt);
    record(m, {
      status: 200,
      errorCode: null,
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens,
      ttftMs: totalMs,
      responseText: keepText ? content : undefined,
    });
    const headers = baseHeaders(limitHeaders);
    headers.set("content-type", "application/json");
    headers.set("server-timing", serverTiming);
    return new Response(JSON.stringify(completion), { status: 200, headers });
  }

  const stream = sseStream({
    chunks: result.chunks,
    model,
    includeUsage: Boolean(body.stream_options?.include_usage),
    startedAt,
    promptTokens,
    keepText,
    abort: (reason) => abort.abort(reason),
    signal: abort.signal,
    onEnd: (o) => {
      req.signal.removeEventListener("abort", onClientGone);
      record(m, {
        status: o.errorCode === "client_closed" ? 499 : 200,
        errorCode: o.errorCode,
        promptTokens: o.usage.prompt_tokens,
        completionTokens: o.usage.completion_tokens,
        ttftMs: o.ttftMs,
        responseText: keepText ? o.text : undefined,
      });
    },
  });
  const headers = baseHeaders(limitHeaders);
  headers.set("server-timing", serverTiming);
  headers.set("content-type", "text/event-stream; charset=utf-8");
  headers.set("cache-control", "no-cache, no-transform");
  headers.set("x-accel-buffering", "no");
  return new Response(stream, { status: 200, headers });
}

/** Any failure the steps above did not turn into an OpenAI-shaped answer. */
export function internalError(err: unknown): Response {
  logger.error({ err }, "gateway: request failed");
  return errorResponse(err instanceof GatewayError ? err : errors.internal());
}
