import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { boundedDate, safeText } from "@/lib/zod/text";
import { ownedDocument, readableChat, readableDocument } from "@/server/chat/access";
import { findVersion, latestDocumentsForChat, listVersions, replaceVersionContent, saveVersion } from "@/server/chat/documents";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Document not found." });
/** Documents are plain text; 1 MB is far beyond any document a chat produces. */
const MAX_CONTENT = 1_000_000;

export const documentsRouter = createTRPCRouter({
  /** Every version (oldest first): the owner's document, or one created in a public chat (read-only). */
  versions: protectedProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const access = await readableDocument(ctx.db, input.id, ctx.userId);
    if (!access) throw notFound();
    const rows = await listVersions(ctx.db, input.id);
    return {
      versions: rows.map((r) => ({ id: r.id, createdAt: r.createdAt, title: r.title, kind: r.kind, content: r.content })),
      isOwner: access.isOwner,
    };
  }),

  /** The latest version of each document created in a chat the caller can read. */
  byChat: protectedProcedure.input(z.object({ chatId: z.uuid() })).query(async ({ ctx, input }) => {
    if (!(await readableChat(ctx.db, input.chatId, ctx.userId))) throw new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });
    const rows = await latestDocumentsForChat(ctx.db, input.chatId);
    return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, title: r.title, kind: r.kind }));
  }),

  /**
   * A user edit: saves the content as a new version. `replace` names the version this editing session
   * already saved: while it is still the newest, it takes the new content, so one session is one version.
   */
  save: protectedProcedure
    .input(z.object({ id: z.uuid(), content: safeText().max(MAX_CONTENT), replace: boundedDate().optional() }))
    .mutation(async ({ ctx, input }) => {
      const doc = await ownedDocument(ctx.db, input.id, ctx.userId);
      if (!doc) throw notFound();
      if (doc.content === input.content) return { createdAt: doc.createdAt };
      if (input.replace && input.replace.getTime() === doc.createdAt.getTime()) {
        if (await replaceVersionContent(ctx.db, { id: doc.id, userId: ctx.userId, createdAt: doc.createdAt, content: input.content })) {
          return { createdAt: doc.createdAt };
        }
      }
      const version = await saveVersion(ctx.db, { id: doc.id, userId: doc.userId, chatId: doc.chatId, title: doc.title, kind: doc.kind, content: input.content });
      return { createdAt: version.createdAt };
    }),

  /** Makes an earlier version current again, as a new version (history is never rewritten). */
  restore: protectedProcedure
    .input(z.object({ id: z.uuid(), createdAt: boundedDate() }))
    .mutation(async ({ ctx, input }) => {
      const doc = await ownedDocument(ctx.db, input.id, ctx.userId);
      if (!doc) throw notFound();
      const version = await findVersion(ctx.db, input.id, input.createdAt);
      if (!version) throw new TRPCError({ code: "NOT_FOUND", message: "Version not found." });
      const saved = await saveVersion(ctx.db, { id: doc.id, userId: doc.userId, chatId: doc.chatId, title: version.title, kind: doc.kind, content: version.content });
      return { createdAt: saved.createdAt };
    }),
});
