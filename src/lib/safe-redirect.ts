const BASE = "http://same.site";

// Browsers drop tabs and newlines from URLs and read "\" as "/", so any of them could turn a path
// into "//host"; encoded slashes in the path are refused too, in case a later hop decodes them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f\\]/;
const ENCODED_SLASH = /%(2f|5c)/i;

function isSamePath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || UNSAFE_CHARS.test(path)) return false;
  const pathname = path.split(/[?#]/, 1)[0] ?? "";
  if (ENCODED_SLASH.test(pathname)) return false;
  try {
    return new URL(path, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/**
 * Only same-site paths: "/models?x=1" passes; "https://evil", "//evil", "/\\evil", "/\t/evil" and
 * paths that normalise to "//evil" ("/.//evil", "/a/..//evil") fall back to `fallback`. The
 * normalised path is what gets returned, so it is the one that is checked.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !isSamePath(value)) return fallback;
  const url = new URL(value, BASE);
  const normalised = url.pathname + url.search + url.hash;
  return isSamePath(normalised) ? normalised : fallback;
}
