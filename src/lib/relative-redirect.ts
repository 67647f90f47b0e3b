/**
 * A redirect with a relative Location. Next builds request URLs from its own bind address,
 * which can differ from the host the browser used (localhost vs 127.0.0.1, a proxy's host);
 * a relative Location always returns the browser to the host it came from, cookies intact.
 */
export function relativeRedirect(pathWithQuery: string, status: 303 | 307 = 307): Response {
  return new Response(null, { status, headers: { Location: pathWithQuery } });
}

/** Absolute URL on the host the browser used (Host / X-Forwarded-* headers), for APIs that need one. */
export function sameHostUrl(req: Request, pathWithQuery: string): URL {
  const h = req.headers;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return new URL(pathWithQuery, host ? `${proto}://${host}` : req.url);
}
