/** Requests to the real /api/trpc route handler, shaped as @trpc/client sends them (superjson). */
import superjson from "superjson";

export const ORIGIN = "http://localhost";

function url(path: string, query: Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return `${ORIGIN}/api/trpc/${path}${qs ? `?${qs}` : ""}`;
}

/** A query over GET (one call; `input` undefined for procedures without one). */
export function trpcQuery(path: string, input: unknown, headers: Record<string, string> = {}): Request {
  const query: Record<string, string> = input === undefined ? {} : { input: JSON.stringify(superjson.serialize(input)) };
  return new Request(url(path, query), { headers });
}

/** A mutation over POST as the app's client sends it: same origin, application/json. */
export function trpcMutation(path: string, input: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url(path), {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "sec-fetch-site": "same-origin", ...headers },
    body: JSON.stringify(input === undefined ? {} : superjson.serialize(input)),
  });
}

/** Several mutations in one batched POST (`/api/trpc/a,b,c?batch=1`). */
export function trpcBatchMutation(calls: Array<{ path: string; input: unknown }>, headers: Record<string, string> = {}): Request {
  const body = Object.fromEntries(calls.map((c, i) => [String(i), superjson.serialize(c.input)]));
  return new Request(url(calls.map((c) => c.path).join(","), { batch: "1" }), {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "sec-fetch-site": "same-origin", ...headers },
    body: JSON.stringify(body),
  });
}

export interface TrpcErrorBody {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; path?: string; requestId?: string | null; stack?: string; issues?: unknown };
}

/** The error of a non-batched call's response. */
export function errorOf(body: unknown): TrpcErrorBody {
  const e = (body as { error?: { json?: TrpcErrorBody } }).error?.json;
  if (!e) throw new Error(`not a tRPC error body: ${JSON.stringify(body)}`);
  return e;
}

/** Text that must never reach a client: SQL, query parameters, stack frames, file paths. */
export const LEAK = /\b(select|insert|update|delete|from|where)\b|\$\d|params|failed query|\bat .*:\d+|node_modules|\/work\/|\/src\/|\.ts\b|stack/i;
