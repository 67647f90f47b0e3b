import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DEPLOYMENT_STATUSES } from "@/lib/deployment-lifecycle";
import { createDeploymentInputSchema } from "@/lib/deployments/schema";
import { safeText } from "@/lib/zod/text";
import { deploymentById } from "@/server/deployments/by-id";
import { createDeployment, type FieldIssue } from "@/server/deployments/create";
import { listDeployments } from "@/server/deployments/list";
import { requestDeploymentChange, type UserRequest } from "@/server/deployments/requests";
import { limitRefusal } from "@/server/costs/budget";
import { kickOutbox } from "@/server/outbox/dispatcher";
import type { Db } from "@/server/db/types";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Deployment not found." });

/** Carries `issues` as a failed input schema does, so the error formatter sends them field by field. */
class FieldValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super("The deployment is not valid.");
    this.name = "FieldValidationError";
  }
}

function fieldErrors(issues: FieldIssue[]): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: "The deployment is not valid.", cause: new FieldValidationError(issues) });
}

/** The budget's hard limit reached: new and resumed deployments are refused with a 422 saying why. */
async function refuseOverBudget(db: Db, userId: string): Promise<void> {
  const reason = await limitRefusal(db, userId);
  if (reason) throw new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: reason });
}

async function change(db: Db, userId: string, id: string, request: UserRequest) {
  if (request === "resume") await refuseOverBudget(db, userId);
  const result = await requestDeploymentChange(db, userId, id, request);
  if (!result.ok) {
    if (result.code === "not_found") throw notFound();
    throw new TRPCError({ code: "CONFLICT", message: result.reason });
  }
  kickOutbox();
  return { id: result.id, status: result.status };
}

const byIdInput = z.object({ id: z.uuid({ error: "Not a deployment id." }) });

export const deploymentsRouter = createTRPCRouter({
  /**
   * Validates (shared schema, then model/fit/name checks), prices, stores and starts provisioning.
   * `apiToken` is returned here once and never again (null when the same idempotency key repeats).
   */
  create: protectedProcedure.input(createDeploymentInputSchema).mutation(async ({ ctx, input }) => {
    await refuseOverBudget(ctx.db, ctx.userId);
    const result = await createDeployment(ctx.db, ctx.userId, input);
    if (!result.ok) {
      if (result.code === "invalid") throw fieldErrors(result.issues);
      throw new TRPCError({ code: "CONFLICT", message: `${result.issue.path.join(".")}: ${result.issue.message}` });
    }
    if (result.created) kickOutbox();
    return { id: result.id, apiToken: result.apiToken, created: result.created };
  }),

  /** The caller's deployments, newest first (deleted ones only when asked for by status). */
  list: protectedProcedure
    .input(
      z
        .object({
          status: z.enum(DEPLOYMENT_STATUSES).optional(),
          cursor: safeText().max(200).nullish(),
          limit: z.number().int().min(1).max(100).default(20),
        })
        .default({ limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listDeployments(ctx.db, ctx.userId, input);
      if (!page) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
      return page;
    }),

  /** One deployment with its timeline (`events`) and the provider's recent `logs`. */
  byId: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const detail = await deploymentById(ctx.db, ctx.userId, input.id);
    if (!detail) throw notFound();
    return detail;
  }),

  pause: protectedProcedure.input(byIdInput).mutation(({ ctx, input }) => change(ctx.db, ctx.userId, input.id, "pause")),
  resume: protectedProcedure.input(byIdInput).mutation(({ ctx, input }) => change(ctx.db, ctx.userId, input.id, "resume")),
  delete: protectedProcedure.input(byIdInput).mutation(({ ctx, input }) => change(ctx.db, ctx.userId, input.id, "delete")),
});
