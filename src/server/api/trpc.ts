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

export interface Context {
  db: Db;
  user: SessionUser | null;
}

/** Built per request by the fetch adapter; tests build it directly. */
export async function createTRPCContext(opts: { req: Request }): Promise<Context> {
  const [db, user] = await Promise.all([getDb(), getSessionUserFromRequest(opts.req)]);
  return { db, user };
}

function validationIssues(cause: unknown): ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }> | null {
  if (cause && typeof cause === "object" && "issues" in cause && Array.isArray(cause.issues)) return cause.issues;
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const issues = error.code === "BAD_REQUEST" ? validationIssues(error.cause) : null;
    return {
      ...shape,
      // A readable "field: problem" message instead of a JSON dump of the issues.
      message: issues ? issuesMessage(issues) : shape.message,
      data: { ...shape.data, issues: issues?.map((i) => ({ message: i.message, path: i.path?.map(String) })) ?? null },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const timing = t.middleware(async ({ next, path }) => {
  const start = performance.now();
  const result = await next();
  if (env.NODE_ENV === "development") {
    console.info(`[trpc] ${path} took ${(performance.now() - start).toFixed(1)}ms`);
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
