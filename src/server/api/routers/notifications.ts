import "server-only";
import { TRPCError } from "@trpc/server";
import { and, count, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { NOTIFICATION_TYPES } from "@/lib/notifications/types";
import { safeText } from "@/lib/zod/text";
import { notifications } from "@/server/db/schema";
import { decodePageCursor, pageOf } from "@/server/training/page-cursor";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const filters = {
  type: z.enum(NOTIFICATION_TYPES).optional(),
  /** true: only unread ones. */
  unread: z.boolean().optional(),
};

function scope(userId: string, f: { type?: (typeof NOTIFICATION_TYPES)[number]; unread?: boolean }): SQL | undefined {
  return and(
    eq(notifications.userId, userId),
    f.type ? eq(notifications.type, f.type) : undefined,
    f.unread ? isNull(notifications.readAt) : undefined,
  );
}

export const notificationsRouter = createTRPCRouter({
  /** The latest, newest first (the bell): an array, as before; the filters are optional. */
  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20), ...filters }).default({ limit: 20 }))
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(notifications)
        .where(scope(ctx.userId, input))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(input.limit),
    ),

  /** The /notifications page: filtered, newest first, with a keyset cursor. */
  page: protectedProcedure
    .input(
      z
        .object({ ...filters, cursor: safeText().max(200).nullish(), limit: z.number().int().min(1).max(100).default(30) })
        .default({ limit: 30 }),
    )
    .query(async ({ ctx, input }) => {
      let after: SQL | undefined;
      if (input.cursor) {
        const pos = decodePageCursor(input.cursor);
        if (!pos) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
        after = or(
          lt(notifications.createdAt, pos.createdAt),
          and(eq(notifications.createdAt, pos.createdAt), lt(notifications.id, pos.id)),
        );
      }
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(and(scope(ctx.userId, input), after))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(input.limit + 1);
      return pageOf(rows, input.limit);
    }),

  unreadCount: protectedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db.select({ n: count() }).from(notifications).where(scope(ctx.userId, { unread: true }));
    return { count: row?.n ?? 0 };
  }),

  /** Marks one read (already read: unchanged); another user's id is not found. */
  markRead: protectedProcedure.input(z.object({ id: z.uuid({ error: "Not a notification id." }) })).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, input.id), eq(notifications.userId, ctx.userId)))
      .limit(1);
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Notification not found." });
    if (row.readAt) return { id: row.id, readAt: row.readAt };
    const [updated] = await ctx.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, input.id), eq(notifications.userId, ctx.userId)))
      .returning({ id: notifications.id, readAt: notifications.readAt });
    return { id: input.id, readAt: updated?.readAt ?? new Date() };
  }),

  markAllRead: protectedProcedure.mutation(async ({ ctx }) => {
    const marked = await ctx.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, ctx.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { ok: true, count: marked.length };
  }),
});
