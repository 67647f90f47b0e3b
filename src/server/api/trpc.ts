/**
 * tRPC building blocks: the request context, error shape, and procedure kinds.
 * Routers live in ./routers, one per domain; ./root.ts merges them.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { env } from "@/env";
import { getDb } from "@/server/db";
import type { Db } from "@/server/db/types";
import { getSessionUserFromRequest, lookupProfile, type SessionUser } from "@/server/auth";
import { ensureUser } from "@/server/users/ensure-user";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { issuesMessage } from "@/lib/validation-message";
import { requestIdOf } from "@/server/http/request-id";
import { logger, requestLogger } from "@/server/log";
import { publicMessage, validationIssues } from "./error-message";

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Ties the response, its error body and its log lines together (absent for in-process callers). */
  requestId?: string;
}

/** Built per request by the fetch adapter; tests build it directly. */
export async function createTRPCContext(opts: { req: Request; requestId?: string }): Promise<Context> {
  const [db, user] = await Promise.all([getDb(), getSessionUserFromRequest(opts.req)]);
  return { db, user, requestId: opts.requestId ?? requestIdOf(opts.req) };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const requestId = ctx?.requestId ?? null;
    // PLACEHOLDER: Helper J carries the training graph's error details.
    const graph = error.cause && "graphError" in error.cause && typeof error.cause.graphError === "object" ? error.cause.graphError : null;
    const issues = error.code === "BAD_REQUEST" && !graph ? validationIssues(error.cause) : null;
    return {
      ...shape,
      // A readable "field: problem" message instead of a JSON dump of the issues; never an
      // internal error's own message (it can hold SQL and its parameters).
      message: graph ? error.message : issues ? issuesMessage(issues) : publicMessage(error, requestId),
      // Rebuilt rather than spread, so tRPC's development-only `stack` is never sent.
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        ...(shape.data.path === undefined ? {} : { path: shape.data.path }),
        issues: issues?.map((i) => ({ message: i.message, path: i.path?.map(String) })) ?? null,
        requestId,
        // PLACEHOLDER: Helper J carries the training graph's error details.
        ...(graph ?? {}),
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const timing = t.middleware(async ({ ctx, next, path }) => {
  const start = performance.now();
  const result = await next();
  if (env.NODE_ENV === "development") {
    const log = ctx.requestId ? requestLogger(ctx.requestId) : logger;
    log.info({ path, ms: Number((performance.now() - start).toFixed(1)) }, "trpc call");
  }
  return result;
});

export const publicProcedure = t.procedure.use(timing);

/** Signed-in only; upserts the user on first sight and hands on a non-null user. */
export const protectedProcedure = t.procedure.use(timing).use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  if (await ensureUser(ctx.db, ctx.user, lookupProfile)) kickOutbox();
  return next({ ctx: { ...ctx, user: ctx.user, userId: ctx.user.id } });
});
