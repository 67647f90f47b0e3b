import "server-only";
import { z } from "zod";
import { budgetView, enforceBudget } from "@/server/costs/budget";
import { budgets } from "@/server/db/schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** More than nothing (seed 003) up to $10,000,000 a month, in whole cents; null removes the budget. */
const budgetCents = z
  .number({ error: "Enter the budget in cents." })
  .int({ error: "The budget is a whole number of cents." })
  .min(1, { error: "The budget must be more than $0.00." })
  .max(1_000_000_000, { error: "The budget is at most $10,000,000." })
  .nullable();

export const budgetsRouter = createTRPCRouter({
  /** The budget, the month's spend against it, and whether the hard limit has stopped new work. */
  get: protectedProcedure.query(({ ctx }) => budgetView(ctx.db, ctx.userId)),

  /**
   * Sets (or with null, removes) the monthly budget and the hard limit, then checks it at once: a
   * budget already crossed sends its alerts, and a hard limit already reached stops what runs.
   */
  set: protectedProcedure
    .input(z.object({ monthlyBudgetCents: budgetCents, hardLimit: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db
        .insert(budgets)
        .values({ userId: ctx.userId, ...input })
        .onConflictDoUpdate({ target: budgets.userId, set: { ...input, updatedAt: new Date() } });
      await enforceBudget(ctx.db, ctx.userId);
      return budgetView(ctx.db, ctx.userId);
    }),
});
