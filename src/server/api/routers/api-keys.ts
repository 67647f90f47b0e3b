import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createApiKeyInputSchema } from "@/lib/gateway/api-keys";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/manage";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const apiKeysRouter = createTRPCRouter({
  /** Makes a key; `key` is in this answer only (it is stored as a hash). */
  create: protectedProcedure.input(createApiKeyInputSchema).mutation(async ({ ctx, input }) => {
    const result = await createApiKey(ctx.db, ctx.userId, input);
    if (result.ok) return { key: result.key, apiKey: result.apiKey };
    if (result.code === "deployment_not_found") throw new TRPCError({ code: "NOT_FOUND", message: result.message });
    if (result.code === "too_many") throw new TRPCError({ code: "CONFLICT", message: result.message });
    throw new TRPCError({ code: "BAD_REQUEST", message: result.message });
  }),

  /** The caller's keys, newest first, revoked and expired ones included (see `state`). */
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.userId)),

  revoke: protectedProcedure.input(z.object({ id: z.uuid({ error: "Not a key id." }) })).mutation(async ({ ctx, input }) => {
    const revoked = await revokeApiKey(ctx.db, ctx.userId, input.id);
    if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "API key not found." });
    return revoked;
  }),
});
