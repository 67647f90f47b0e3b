// Runs once when a server process starts: give the hot API routes (chat completions, tRPC, chat turns) their fast path past Next's router,
// open (and migrate) the database, then sweep the outbox so events left undelivered by a crash or an
// Inngest outage go out. Importing the env module
// validates every variable first, so a bad value stops the server here with one clear message.
import { env } from "@/env";

export async function register() {
  // Not configuration but a constant Next.js inlines per bundle: written literally so the Edge
  // bundle drops the Node-only imports below (the one process.env read outside src/env.ts).
  // biome-ignore lint/style/noProcessEnv: a build-time constant, see above
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/server/log");
  const { getDb } = await import("@/server/db");
  const { startOutboxSweeper } = await import("@/server/outbox/dispatcher");
  const { authMode } = await import("@/server/auth/mode");
  const { resolveInngestMode } = await import("@/server/inngest/client");
  const mode = authMode();
  logger.info({ auth: mode }, `auth: using ${mode === "clerk" ? "Clerk" : "the local sign-in (no Clerk keys set)"}`);
  if (mode === "local" && env.NODE_ENV === "production") {
    logger.warn("auth: WARNING: the local sign-in is active in a production build. Anyone who knows an email can sign in as that user; set Clerk keys for a real deployment.");
  }
  const inngest = resolveInngestMode();
  if (inngest.devInProduction) {
    logger.warn(
      { inngest: "dev" },
      "inngest: WARNING: dev mode in a production build (RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1): /api/inngest accepts unsigned calls, so anyone who can reach it can run functions. For local test builds only.",
    );
  }
  const { installFastPath } = await import("@/server/http/fast-path");
  const { fastRoutes } = await import("@/server/http/fast-routes");
  installFastPath(fastRoutes);
  await getDb();
  startOutboxSweeper();
}
