import "server-only";
import { Inngest } from "inngest";
import { env as processEnv, type EnvOf } from "@/env";
import { logger } from "@/server/log";

type Env = EnvOf<"INNGEST_DEV" | "INNGEST_SIGNING_KEY" | "NODE_ENV" | "RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION">;

export interface InngestMode {
  /** Dev mode: requests to /api/inngest are not signed, so anyone who can reach it can run functions. */
  dev: boolean;
  /** The dev server named by INNGEST_DEV, if it is a URL. */
  url?: string;
  /** Why dev mode was asked for and refused (a production build without the explicit allowance). */
  refused?: string;
  /** Dev mode runs in a production build because RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1 says so. */
  devInProduction?: boolean;
}

/**
 * Dev mode (no request signatures; the local runner or `inngest-cli dev` at INNGEST_DEV, else :8288)
 * when INNGEST_DEV says so, or in development when no signing key is set. A production build
 * refuses INNGEST_DEV unless RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1: it stays in cloud mode,
 * which refuses unsigned calls to /api/inngest. Without INNGEST_DEV and a signing key a production
 * build is in cloud mode too, and fails closed.
 */
export function resolveInngestMode(env: Env = processEnv): InngestMode {
  const production = env.NODE_ENV === "production";
  const flag = env.INNGEST_DEV?.trim();
  if (!flag) return { dev: !env.INNGEST_SIGNING_KEY && !production };
  const url = /^https?:/.test(flag) ? flag : undefined;
  const wantsDev = !["0", "false"].includes(flag.toLowerCase());
  if (!wantsDev || !production) return { dev: wantsDev, url };
  if (env.RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION?.trim() === "1") return { dev: true, url, devInProduction: true };
  return {
    dev: false,
    url,
    refused:
      "INNGEST_DEV is set in a production build: dev mode would let anyone call /api/inngest unsigned and run functions. " +
      "Staying in cloud mode (signed requests only). Set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY, or RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1 for a local test build.",
  };
}

/**
 * The app's client; `isDev` is always explicit so the SDK cannot fall back to INNGEST_DEV on its
 * own. Its logs (function errors with their stacks, functions' `ctx.logger`) go through pino.
 */
export function createInngestClient(env: Env = processEnv) {
  const mode = resolveInngestMode(env);
  if (mode.refused) logger.error({ inngest: "cloud" }, mode.refused);
  return new Inngest({ id: "radium", isDev: mode.dev, logger: logger.child({ component: "inngest" }) });
}

export const inngest = createInngestClient();

export function inngestAdapter() {
  const { dev, url } = resolveInngestMode();
  const baseUrl = processEnv.INNGEST_BASE_URL ?? url ?? (dev ? "http://localhost:8288" : "https://inn.gs");
  return { mode: dev ? ("dev" as const) : ("cloud" as const), baseUrl };
}
