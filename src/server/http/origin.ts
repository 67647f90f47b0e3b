import "server-only";
/**
 * Cross-site request check for state-changing requests (CSRF): the Origin header must name this
 * site; without Origin, Sec-Fetch-Site must not be "cross-site"; with neither (curl, server-to-server
 * callers without a browser) the request is let through, since a browser always sends one of them.
 */
export function isCrossSiteRequest(req: Pick<Request, "headers" | "url">): boolean {
  const origin = req.headers.get("origin");
  if (origin) {
    if (origin === "null") return true;
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  const site = req.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}
