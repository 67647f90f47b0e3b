/**
 * A deep-validation failure as a tRPC error: the status class of seed 002's rules (400, 401, 422, 503)
 * with what the configurator needs to show each problem where it belongs. The error formatter
 * (src/server/api/trpc.ts) copies `graphErrorData` into `error.data`; the route adds Retry-After.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import {
  GRAPH_ERROR_TRPC_CODE,
  type GraphIssue,
  type GraphReason,
  type GraphValidationError,
} from "@/lib/training/graph-validation";

export class TrainingGraphError extends TRPCError {
  constructor(readonly graph: GraphValidationError) {
    // No cause: the message is ours and meant for the user (see isPublicError).
    super({ code: GRAPH_ERROR_TRPC_CODE[graph.kind], message: graph.message });
  }
}

/** The fields every tRPC error carries in `data` (null unless a graph failed validation that way). */
export interface GraphErrorData {
  graphIssues: GraphIssue[] | null;
  graphReasons: GraphReason[] | null;
  retryAfterSeconds: number | null;
}

export function graphErrorData(error: unknown): GraphErrorData {
  const g = error instanceof TrainingGraphError ? error.graph : null;
  return {
    graphIssues: g?.kind === "malformed" ? g.issues : null,
    graphReasons: g?.kind === "unprocessable" ? g.reasons : null,
    retryAfterSeconds: g?.kind === "unavailable" ? g.retryAfterSeconds : null,
  };
}

/** The longest retry hint among a response's errors (seconds), for its Retry-After header; null for none. */
export function retryAfterOf(errors: readonly unknown[]): number | null {
  const hints = errors.map((e) => graphErrorData(e).retryAfterSeconds).filter((s): s is number => s !== null);
  return hints.length > 0 ? Math.max(...hints) : null;
}
