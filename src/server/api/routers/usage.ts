import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { METRIC_RANGES } from "@/lib/gateway/metrics";
import { usageRequestsInputSchema } from "@/lib/gateway/requests";
import { deploymentMetrics } from "@/server/usage/metrics";
import { deploymentRequests } from "@/server/usage/requests";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Deployment not found." });

export const usageRouter = createTRPCRouter({
  /** Per-bucket requests, p50/p95 latency, tokens and error rate over the range (empty buckets included). */
  metrics: protectedProcedure
    .input(z.object({ deploymentId: z.uuid({ error: "Not a deployment id." }), range: z.enum(METRIC_RANGES).default("24h") }))
    .query(async ({ ctx, input }) => {
      const metrics = await deploymentMetrics(ctx.db, ctx.userId, input.deploymentId, input.range);
      if (!metrics) throw notFound();
      return metrics;
    }),

  /** The deployment's metered requests, newest first; texts only where request logging kept them. */
  requests: protectedProcedure.input(usageRequestsInputSchema).query(async ({ ctx, input }) => {
    const page = await deploymentRequests(ctx.db, ctx.userId, input);
    if (page === "not_found") throw notFound();
    if (page === "bad_cursor") throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
    return page;
  }),
});
