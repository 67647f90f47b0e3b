import "server-only";
import { Inngest } from "inngest";
import { env, type EnvOf } from "@/env";

/**
 * Dev mode (no request signatures; the local runner or `inngest-cli dev` at INNGEST_DEV, else :8288)
 * when INNGEST_DEV says so, or in development when no signing key is set. A production build
 * without INNGEST_DEV and without a signing key stays in cloud mode, which refuses unsigned calls
 * to /api/inngest: it fails closed rather than let anyone invoke functions.
 */
function devMode(e: EnvOf<"INNGEST_DEV" | "INNGEST_SIGNING_KEY" | "NODE_ENV"> = env): { dev: boolean; url?: string } {
  const flag = e.INNGEST_DEV;
  if (flag) return { dev: !["0", "false"].includes(flag), url: /^https?:/.test(flag) ? flag : undefined };
  return { dev: !e.INNGEST_SIGNING_KEY && e.NODE_ENV !== "production" };
}

export const inngest = new Inngest({
  id: "radium",
  ...(env.INNGEST_DEV ? {} : { isDev: devMode().dev }),
});

export function inngestAdapter() {
  const { dev, url } = devMode();
  const baseUrl = env.INNGEST_BASE_URL ?? url ?? (dev ? "http://localhost:8288" : "https://inn.gs");
  return { mode: dev ? ("dev" as const) : ("cloud" as const), baseUrl };
}
