// Runs once when a server process starts: open (and migrate) the database, then sweep the
// outbox so events left undelivered by a crash or an Inngest outage go out.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/server/db");
  const { startOutboxSweeper } = await import("@/server/outbox/dispatcher");
  const { authMode } = await import("@/server/auth/mode");
  const mode = authMode();
  console.info(`[auth] using ${mode === "clerk" ? "Clerk" : "the local sign-in (no Clerk keys set)"}`);
  if (mode === "local" && process.env.NODE_ENV === "production") {
    console.warn("[auth] WARNING: the local sign-in is active in a production build. Anyone who knows an email can sign in as that user; set Clerk keys for a real deployment.");
  }
  await getDb();
  startOutboxSweeper();
}
