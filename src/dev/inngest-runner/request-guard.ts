// Who may change state through the runner's dashboard and JSON API. The runner listens on the
// developer's machine, so any web page the developer visits can make the browser post to it: a
// cross-site form to /events/send or /functions/:id/invoke would otherwise make the runner sign a
// call with a crafted event to the app (the very attack signed mode exists to stop).
//   - Every POST/PUT/PATCH/DELETE must be same-origin: refused (403) when Origin is not the runner's
//     own, or when Sec-Fetch-Site says cross-site / same-site.
//   - In signed mode it must also prove itself: either it comes from the runner's own pages (an
//     Origin of the runner, or Sec-Fetch-Site: same-origin, which a page cannot forge) or it carries
//     the event key as `Authorization: Bearer <event key>`; otherwise 401.
// The SDK's own routes (/e/:key, /fn/…, /v0/…, /v1/…) are left to their own checks.
import { isIP } from "node:net";
import { eventKeyMatches } from "./signing";

export type Site = "same-origin" | "cross-site" | "unknown";

type Headers = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const SDK_ROUTE = /^\/(e|fn|v0|v1)\//;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Hosts a browser can only have reached this machine through: IP literals and localhost. A DNS
 * name that resolves here (DNS rebinding) has an Origin equal to its Host, so it must not count.
 */
function isTrustedHostname(hostname: string, listenHost: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return isIP(bare) !== 0 || bare === "localhost" || bare.endsWith(".localhost") || bare === listenHost.toLowerCase();
}

/** Whether `origin` is the runner itself as the browser reached it (its Host header). */
export function isOwnOrigin(origin: string, host: string | undefined, listenHost: string): boolean {
  if (!host) return false;
  try {
    const o = new URL(origin);
    const h = new URL(`http://${host}`);
    return o.protocol === "http:" && o.host === h.host && isTrustedHostname(h.hostname, listenHost);
  } catch {
    return false;
  }
}

/** Where a request comes from, as far as the browser's own headers tell. */
export function requestSite(headers: Headers, listenHost: string): Site {
  const fetchSite = first(headers["sec-fetch-site"]);
  if (fetchSite === "cross-site" || fetchSite === "same-site") return "cross-site";
  const origin = first(headers.origin);
  if (origin !== undefined) return isOwnOrigin(origin, first(headers.host), listenHost) ? "same-origin" : "cross-site";
  return fetchSite === "same-origin" ? "same-origin" : "unknown";
}

/** The event key from `Authorization: Bearer <event key>`, if any. */
export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(first(headers.authorization) ?? "")?.[1];
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export interface GuardInput {
  method: string;
  path: string;
  headers: Headers;
  /** The interface the runner listens on (INNGEST_RUNNER_HOST), also trusted as a host name. */
  listenHost: string;
  /** Signed mode's event keys; null in dev mode. */
  eventKeys: string[] | null;
}

export function guardRequest(r: GuardInput): Verdict {
  if (SAFE_METHODS.has(r.method) || SDK_ROUTE.test(r.path)) return { ok: true };
  const site = requestSite(r.headers, r.listenHost);
  if (site === "cross-site") {
    return { ok: false, status: 403, message: "Cross-site request refused: the runner accepts changes only from its own pages" };
  }
  if (r.eventKeys && site !== "same-origin") {
    const token = bearerToken(r.headers);
    if (!token || !eventKeyMatches(r.eventKeys, token)) {
      return { ok: false, status: 401, message: "Signed mode: send the event key as `Authorization: Bearer <event key>`" };
    }
  }
  return { ok: true };
}
