import "server-only";
import { protectedProcedure } from "../trpc";

/** The signed-in user, as the client needs it (e.g. `meta.created_by` of a training graph). */
export const meProcedure = protectedProcedure.query(({ ctx }) => ({
  id: ctx.userId,
  name: ctx.user.name ?? null,
  email: ctx.user.email ?? null,
}));
