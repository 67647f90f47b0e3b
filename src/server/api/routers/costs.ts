import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { costsCsv } from "@/lib/costs/csv";
import { dayOf, DAY_MS, monthStart } from "@/lib/costs/period";
import { COST_RESOURCE_TYPES, COST_TYPES } from "@/lib/costs/types";
import { boundedDate, safeText } from "@/lib/zod/text";
import { costsBreakdown } from "@/server/costs/breakdown";
import { exportCostRecords, listCostRecords } from "@/server/costs/records";
import { costsSummary } from "@/server/costs/summary";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const filters = z.object({
  type: z.enum(COST_TYPES).optional(),
  resourceType: z.enum(COST_RESOURCE_TYPES).optional(),
  resourceId: z.uuid({ error: "Not a resource id." }).optional(),
  /** periodStart ≥ from */
  from: boundedDate().optional(),
  /** periodStart < to */
  to: boundedDate().optional(),
});

const day = z.iso.date({ error: "Expected a day as YYYY-MM-DD." });
/** A year and a day at most: the daily series has one entry per day. */
const MAX_RANGE_DAYS = 367;

export const costsRouter = createTRPCRouter({
  /** The current UTC month: spent so far, forecast to month end, by type, what runs now, and the budget. */
  summary: protectedProcedure.query(({ ctx }) => costsSummary(ctx.db, ctx.userId)),

  /** Ledger lines, newest first (keyset cursor), filtered by type, resource and period-start range. */
  records: protectedProcedure
    .input(
      filters
        .extend({ cursor: safeText().max(200).nullish(), limit: z.number().int().min(1).max(200).default(50) })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listCostRecords(ctx.db, ctx.userId, input);
      if (!page) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
      return page;
    }),

  /** By type, by resource and a daily stacked series for UTC days [from, to] (default: this month to today). */
  breakdown: protectedProcedure
    .input(z.object({ from: day.optional(), to: day.optional() }).default({}))
    .query(({ ctx, input }) => {
      const now = new Date();
      const from = input.from ?? dayOf(monthStart(now));
      const to = input.to ?? dayOf(now);
      const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
      if (span < 0) throw new TRPCError({ code: "BAD_REQUEST", message: "to: Must not be before from." });
      if (span >= MAX_RANGE_DAYS) throw new TRPCError({ code: "BAD_REQUEST", message: "to: The range is at most a year." });
      return costsBreakdown(ctx.db, ctx.userId, from, to);
    }),

  /** The matching lines as CSV text (at most 50,000; `truncated` says when there were more). */
  exportCsv: protectedProcedure.input(filters.default({})).mutation(async ({ ctx, input }) => {
    const { rows, truncated } = await exportCostRecords(ctx.db, ctx.userId, input);
    return { filename: `radium-costs-${dayOf(new Date())}.csv`, csv: costsCsv(rows), rows: rows.length, truncated };
  }),
});
