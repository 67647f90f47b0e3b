import { createCallerFactory, createTRPCRouter } from "./trpc";
import { modelsRouter } from "./routers/models";
import { notificationsRouter } from "./routers/notifications";

/** One namespace per domain; add a domain's router here. */
export const appRouter = createTRPCRouter({
  models: modelsRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: server components and tests call procedures without HTTP. */
export const createCaller = createCallerFactory(appRouter);
