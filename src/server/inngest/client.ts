import "server-only";
import { Inngest } from "inngest";

/**
 * Dev mode (no request signatures; the local runner or `inngest-cli dev` at INNGEST_DEV, else :8288)
 * when INNGEST_DEV says so, or in development when no signing key is set. A production build
 * without INNGEST_DEV and without a signing key stays in cloud mode, which refuses unsigned calls
 * to /api/inngest: it fails closed rather than let anyone invoke functions.
 */
function devMode(env: Record<string, string | undefined> = process.env): { dev: boolean; url?: string } {
  const flag = env.INNGEST_DEV?.trim();
  if (flag) return { dev: !["0", "false"].includes(flag), url: /^https?:/.test(flag) ? flag : undefined };
  return { dev: !env.INNGEST_SIGNING_KEY && env.NODE_ENV !== "production" };
}

export const inngest = new Inngest({
  id: "radium",
  ...(process.env.INNGEST_DEV?.trim() ? {} : { isDev: devMode().dev }),
});

export function inngestAdapter() {
  const { dev, url } = devMode();
  const baseUrl = process.env.INNGEST_BASE_URL ?? url ?? (dev ? "http://localhost:8288" : "https://inn.gs");
  return { mode: dev ? ("dev" as const) : ("cloud" as const), baseUrl };
}
