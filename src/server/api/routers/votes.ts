import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { safeText } from "@/lib/zod/text";
import { readableChat } from "@/server/chat/access";
import { findMessage } from "@/server/chat/messages";
import { castVote, votesOf } from "@/server/chat/votes";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const votesRouter = createTRPCRouter({
  /** The caller's votes in a chat they can read. */
  byChat: protectedProcedure.input(z.object({ chatId: z.uuid() })).query(async ({ ctx, input }) => {
    if (!(await readableChat(ctx.db, input.chatId, ctx.userId))) throw new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });
    return votesOf(ctx.db, input.chatId, ctx.userId);
  }),

  /** Up or down on an assistant message of the caller's own chat (viewers of a public chat cannot vote). */
  vote: protectedProcedure
    .input(z.object({ chatId: z.uuid(), messageId: safeText().min(1).max(200), type: z.enum(["up", "down"]) }))
    .mutation(async ({ ctx, input }) => {
      const access = await readableChat(ctx.db, input.chatId, ctx.userId);
      if (!access) throw new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });
      if (!access.isOwner) throw new TRPCError({ code: "FORBIDDEN", message: "Only the chat's owner can vote on its messages." });
      const message = await findMessage(ctx.db, input.messageId);
      if (!message || message.chatId !== input.chatId) throw new TRPCError({ code: "NOT_FOUND", message: "Message not found." });
      if (message.role !== "assistant") throw new TRPCError({ code: "BAD_REQUEST", message: "Only assistant messages can be voted on." });
      const isUpvoted = input.type === "up";
      await castVote(ctx.db, { chatId: input.chatId, messageId: input.messageId, userId: ctx.userId, isUpvoted });
      return { messageId: input.messageId, isUpvoted };
    }),
});
