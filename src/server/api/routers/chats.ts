import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { safeText } from "@/lib/zod/text";
import { chatModels, resolveChatModel } from "@/server/ai/models";
import { readableChat, readableConversation } from "@/server/chat/access";
import { attachmentsShownIn, removeUnshownAttachments } from "@/server/chat/attachments";
import { chatDeployment, deploymentChatModels } from "@/server/chat/deployment-models";
import { deleteAllChats, deleteChat, listChats, updateChat } from "@/server/chat/chats";
import { loadCurrentMessages } from "@/server/chat/messages";
import { searchChats } from "@/server/chat/search";
import { forkChat } from "@/server/chat/fork";
import { branchPoints, switchBranch } from "@/server/chat/branches";
import { MAX_SEARCH_CHARS } from "@/lib/chat/search-query";
import { HISTORY_PAGE_SIZE, MAX_CHAT_TITLE_CHARS } from "@/lib/chat/contract";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const chatId = z.uuid();
const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });

function publicChat(c: { id: string; title: string; visibility: "private" | "public"; model: string; createdAt: Date; updatedAt: Date }) {
  return { id: c.id, title: c.title, visibility: c.visibility, model: c.model, createdAt: c.createdAt, updatedAt: c.updatedAt };
}

export const chatsRouter = createTRPCRouter({
  /** The caller's chats, most recently active first (keyset pagination). */
  history: protectedProcedure
    .input(
      z
        .object({ cursor: safeText().max(200).nullish(), limit: z.number().int().min(1).max(50).default(HISTORY_PAGE_SIZE) })
        .default({ limit: HISTORY_PAGE_SIZE }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listChats(ctx.db, ctx.userId, { cursor: input.cursor, limit: input.limit });
      if (!page) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
      return page;
    }),

  /** The caller's chats whose title, or one of whose messages, holds every word of `query` (as prefixes), newest first. */
  search: protectedProcedure
    .input(z.object({ query: safeText().max(MAX_SEARCH_CHARS), limit: z.number().int().min(1).max(50).default(20) }))
    .query(({ ctx, input }) => searchChats(ctx.db, ctx.userId, input.query, input.limit)),

  /** What a chat page needs before its conversation streams in (its title, who owns it): no messages. */
  head: protectedProcedure.input(z.object({ id: chatId })).query(async ({ ctx, input }) => {
    const access = await readableChat(ctx.db, input.id, ctx.userId);
    if (!access) throw notFound();
    return { chat: publicChat(access.chat), isOwner: access.isOwner };
  }),

  /** A chat with its messages: the owner's, or anyone's when public (read-only). */
  byId: protectedProcedure.input(z.object({ id: chatId })).query(async ({ ctx, input }) => {
    const access = await readableConversation(ctx.db, input.id, ctx.userId);
    if (!access) throw notFound();
    return { chat: publicChat(access.chat), messages: access.messages, isOwner: access.isOwner };
  }),

  /** "Continue in a new chat": a private copy, for the caller, of a chat they can read (with its documents). */
  fork: protectedProcedure.input(z.object({ id: chatId })).mutation(async ({ ctx, input }) => {
    const id = await forkChat(ctx.db, ctx.userId, input.id);
    if (!id) throw notFound();
    return { id };
  }),

  /** The owner's chat: the messages of the shown branch that have other versions (edits, regenerations). */
  branches: protectedProcedure.input(z.object({ id: chatId })).query(async ({ ctx, input }) => {
    const access = await readableChat(ctx.db, input.id, ctx.userId);
    if (!access?.isOwner) throw notFound();
    return branchPoints(ctx.db, input.id);
  }),

  /** Shows another version of a message (and the turns that followed it); returns the conversation now shown. */
  switchBranch: protectedProcedure
    .input(z.object({ id: chatId, messageId: safeText().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await switchBranch(ctx.db, ctx.userId, input.id, input.messageId))) throw notFound();
      return { messages: await loadCurrentMessages(ctx.db, input.id) };
    }),

  rename: protectedProcedure
    .input(z.object({ id: chatId, title: safeText().trim().min(1).max(MAX_CHAT_TITLE_CHARS) }))
    .mutation(async ({ ctx, input }) => {
      const chat = await updateChat(ctx.db, ctx.userId, input.id, { title: input.title });
      if (!chat) throw notFound();
      return publicChat(chat);
    }),

  /** Deletes an owned chat, and the attached files no other chat of the owner shows. */
  delete: protectedProcedure.input(z.object({ id: chatId })).mutation(async ({ ctx, input }) => {
    const shown = await attachmentsShownIn(ctx.db, ctx.userId, input.id);
    if (!(await deleteChat(ctx.db, ctx.userId, input.id))) throw notFound();
    await removeUnshownAttachments(ctx.db, ctx.userId, shown);
    return { id: input.id };
  }),

  /** Deletes every chat of the caller, and the files they showed (an upload not sent yet stays). */
  deleteAll: protectedProcedure.mutation(async ({ ctx }) => {
    const shown = await attachmentsShownIn(ctx.db, ctx.userId);
    const deleted = await deleteAllChats(ctx.db, ctx.userId);
    await removeUnshownAttachments(ctx.db, ctx.userId, shown);
    return { deleted };
  }),

  setVisibility: protectedProcedure
    .input(z.object({ id: chatId, visibility: z.enum(["private", "public"]) }))
    .mutation(async ({ ctx, input }) => {
      const chat = await updateChat(ctx.db, ctx.userId, input.id, { visibility: input.visibility });
      if (!chat) throw notFound();
      return publicChat(chat);
    }),

  setModel: protectedProcedure
    .input(z.object({ id: chatId, model: safeText().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      if (!resolveChatModel(input.model) && !(await chatDeployment(ctx.db, ctx.userId, input.model))) throw new TRPCError({ code: "BAD_REQUEST", message: `model: Unknown model "${input.model}"` });
      const chat = await updateChat(ctx.db, ctx.userId, input.id, { model: input.model });
      if (!chat) throw notFound();
      return publicChat(chat);
    }),

  /**
   * The models offered in the selector (only the offline model without OPENAI_API_KEY), and the
   * caller's active deployments for its "Your deployments" group (ids `deployment:<uuid>`).
   */
  models: protectedProcedure.query(async ({ ctx }) => ({ ...chatModels(), deployments: await deploymentChatModels(ctx.db, ctx.userId) })),
});
