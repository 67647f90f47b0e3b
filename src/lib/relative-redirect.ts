/**
 * A redirect with a relative Location. Next builds request URLs from its own bind address,
 * which can differ from the host the browser used (localhost vs 127.0.0.1, a proxy's host);
 * a relative Location always returns the browser to the host it came from, cookies intact.
 */
export function relativeRedirect(pathWithQuery: string, status: 303 | 307 = 307): Response {
  return new Response(null, { status, headers: { Location: pathWithQuery } });
}

/**
 * The absolute URL the proxy must give NextResponse.redirect (it rejects relative ones): on the
 * configured app origin, else on the request URL's own origin, which Next builds from its bind
 * address and then turns back into a relative Location. Never from Host or X-Forwarded-Host,
 * which any client can forge (an open redirect through a cache or a misconfigured proxy).
 */
export function appUrl(pathWithQuery: string, requestUrl: string | URL, configuredOrigin?: string): URL {
  const own = new URL(requestUrl).origin;
  let origin = own;
  if (configuredOrigin?.trim()) {
    try {
      origin = new URL(configuredOrigin.trim()).origin;
    } catch {
      origin = own;
    }
  }
  const url = new URL(pathWithQuery, origin);
  // A path such as "//evil.example" would resolve to another host: keep only path and query.
  return url.origin === origin ? url : new URL(`${url.pathname}${url.search}`, origin);
}
