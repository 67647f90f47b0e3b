import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { readableDocument } from "@/server/chat/access";
import { findSuggestion, openSuggestions, resolveSuggestion } from "@/server/chat/suggestions";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const suggestionsRouter = createTRPCRouter({
  /** Open suggestions of a readable document that still apply to its latest content. */
  byDocument: protectedProcedure.input(z.object({ documentId: z.uuid() })).query(async ({ ctx, input }) => {
    const access = await readableDocument(ctx.db, input.documentId, ctx.userId);
    if (!access) throw new TRPCError({ code: "NOT_FOUND", message: "Document not found." });
    const rows = await openSuggestions(ctx.db, input.documentId, access.latest.content);
    return rows.map((s) => ({
      id: s.id,
      documentCreatedAt: s.documentCreatedAt,
      originalText: s.originalText,
      suggestedText: s.suggestedText,
      description: s.description ?? "",
      status: s.status,
    }));
  }),

  /** Apply (new document version) or dismiss; either way the suggestion is resolved for good. */
  resolve: protectedProcedure
    .input(z.object({ id: z.uuid(), action: z.enum(["apply", "dismiss"]) }))
    .mutation(async ({ ctx, input }) => {
      const suggestion = await findSuggestion(ctx.db, input.id);
      if (!suggestion || suggestion.userId !== ctx.userId) throw new TRPCError({ code: "NOT_FOUND", message: "Suggestion not found." });
      const outcome = await resolveSuggestion(ctx.db, input.id, input.action);
      if (!outcome.ok) {
        throw new TRPCError({ code: "CONFLICT", message: "The text this suggestion targets has changed since it was made." });
      }
      return { status: outcome.status, documentCreatedAt: outcome.documentCreatedAt };
    }),
});
