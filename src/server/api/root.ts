import "server-only";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { modelsRouter } from "./routers/models";
import { notificationsRouter } from "./routers/notifications";
import { chatsRouter } from "./routers/chats";
import { votesRouter } from "./routers/votes";
import { documentsRouter } from "./routers/documents";
import { suggestionsRouter } from "./routers/suggestions";
import { deploymentsRouter } from "./routers/deployments";
import { datasetsRouter } from "./routers/datasets";
import { fineTuningRouter } from "./routers/fine-tuning";
import { artifactsRouter } from "./routers/artifacts";
import { meProcedure } from "./routers/me";
import { apiKeysRouter } from "./routers/api-keys";
import { usageRouter } from "./routers/usage";
import { costsRouter } from "./routers/costs";
import { budgetsRouter } from "./routers/budgets";
import { dashboardRouter } from "./routers/dashboard";

/** One namespace per domain; add a domain's router here. */
export const appRouter = createTRPCRouter({
  models: modelsRouter,
  notifications: notificationsRouter,
  chats: chatsRouter,
  votes: votesRouter,
  documents: documentsRouter,
  suggestions: suggestionsRouter,
  deployments: deploymentsRouter,
  datasets: datasetsRouter,
  fineTuning: fineTuningRouter,
  artifacts: artifactsRouter,
  apiKeys: apiKeysRouter,
  usage: usageRouter,
  costs: costsRouter,
  budgets: budgetsRouter,
  dashboard: dashboardRouter,
  me: meProcedure,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: server components and tests call procedures without HTTP. */
export const createCaller = createCallerFactory(appRouter);
