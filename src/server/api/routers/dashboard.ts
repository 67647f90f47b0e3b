import "server-only";
import { dashboardSummary } from "@/server/dashboard/summary";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  /** The signed-in home's cards, recent datasets, live jobs and recent activity. */
  summary: protectedProcedure.query(({ ctx }) => dashboardSummary(ctx.db, ctx.userId)),
});
