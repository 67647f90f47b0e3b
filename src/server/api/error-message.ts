/**
 * What a client may read of a tRPC error. Messages we wrote (a TRPCError without a cause) and
 * validation messages are meant for people; anything else can carry SQL, query parameters or
 * paths (a database error wrapped as INTERNAL_SERVER_ERROR), so it is replaced by a generic line
 * that names the request id the real error is logged under.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

type Issue = { message: string; path?: ReadonlyArray<unknown> };

/** The issues of a zod (or any Standard Schema) validation error, else null. */
export function validationIssues(cause: unknown): ReadonlyArray<Issue> | null {
  if (cause && typeof cause === "object" && "issues" in cause && Array.isArray(cause.issues)) return cause.issues;
  return null;
}

export function internalErrorMessage(requestId: string | null | undefined): string {
  const ref = requestId ? ` with request id ${requestId}` : "";
  return `Something went wrong on the server. If it keeps happening, report it${ref}.`;
}

const GENERIC: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: "The request is not valid.",
  PARSE_ERROR: "The request could not be read.",
};

/** True when the error's message was written for the client (ours, tRPC's own, or validation). */
export function isPublicError(error: TRPCError): boolean {
  if (error.code === "INTERNAL_SERVER_ERROR") return false;
  const cause = error.cause;
  return cause === undefined || cause instanceof TRPCError || validationIssues(cause) !== null;
}

export function publicMessage(error: TRPCError, requestId: string | null | undefined): string {
  if (isPublicError(error)) return error.message;
  // tRPC reports an unreadable body or query string as BAD_REQUEST caused by the JSON parser.
  if (error.code === "BAD_REQUEST" && error.cause instanceof SyntaxError) return "The input is not valid JSON.";
  return GENERIC[error.code] ?? internalErrorMessage(requestId);
}
