import "server-only";
import { TRPCError } from "@trpc/server";
import { and, asc, eq, gte, ilike, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { safeText } from "@/lib/zod/text";
import { models } from "@/server/db/schema";
import { MODEL_SIZE_IDS, MODEL_SIZES, MODEL_TYPES } from "@/lib/model-size";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const modelListInput = z
  .object({
    search: safeText().trim().max(100).optional(),
    provider: safeText().trim().max(100).optional(),
    type: z.enum(MODEL_TYPES).optional(),
    size: z.enum(MODEL_SIZE_IDS).optional(),
  })
  .default({});

function sizeFilter(size: string | undefined): SQL | undefined {
  if (!size) return undefined;
  if (size === "undisclosed") return isNull(models.parameterCountB);
  const bucket = MODEL_SIZES.find((s) => s.id === size)!;
  const lower = gte(models.parameterCountB, String(bucket.min));
  return Number.isFinite(bucket.max) ? and(lower, lt(models.parameterCountB, String(bucket.max))) : lower;
}

export const modelsRouter = createTRPCRouter({
  list: protectedProcedure.input(modelListInput).query(({ ctx, input }) => {
    const q = input.search ? `%${input.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
    return ctx.db
      .select()
      .from(models)
      .where(
        and(
          q ? or(ilike(models.name, q), ilike(models.provider, q), ilike(models.description, q)) : undefined,
          input.provider ? eq(models.provider, input.provider) : undefined,
          input.type ? eq(models.type, input.type) : undefined,
          sizeFilter(input.size),
        ),
      )
      .orderBy(asc(models.provider), asc(models.name));
  }),

  providers: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.selectDistinct({ provider: models.provider }).from(models).orderBy(asc(models.provider));
    return rows.map((r) => r.provider);
  }),

  byId: protectedProcedure.input(z.object({ id: safeText().min(1).max(200) })).query(async ({ ctx, input }) => {
    const [model] = await ctx.db.select().from(models).where(eq(models.id, input.id)).limit(1);
    if (!model) throw new TRPCError({ code: "NOT_FOUND", message: `No model with ID "${input.id}".` });
    return model;
  }),
});

export type ModelListFilters = NonNullable<z.input<typeof modelListInput>>;
