import { Inngest } from "inngest";

// Dev mode (no signatures, local server at :8288 or INNGEST_DEV's URL) unless a signing key
// says this is a real Inngest Cloud / self-hosted deployment. INNGEST_DEV, when set, wins.
export const inngest = new Inngest({
  id: "radium",
  ...(process.env.INNGEST_DEV === undefined ? { isDev: !process.env.INNGEST_SIGNING_KEY } : {}),
});

export function inngestAdapter() {
  const dev = process.env.INNGEST_DEV ?? (process.env.INNGEST_SIGNING_KEY ? undefined : "1");
  const baseUrl =
    process.env.INNGEST_BASE_URL ??
    (dev && /^https?:/.test(dev) ? dev : dev ? "http://localhost:8288" : "https://inn.gs");
  return { mode: dev && dev !== "0" && dev !== "false" ? ("dev" as const) : ("cloud" as const), baseUrl };
}
