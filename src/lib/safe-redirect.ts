/**
 * Only same-site paths: "/models?x=1" passes; "https://evil", "//evil", "/\\evil" and paths with
 * control characters ("/\t/evil", which browsers read as "//evil") fall back to `fallback`.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://same.site");
    if (url.origin !== "http://same.site") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
