/**
 * Whether a URL path's percent-escapes decode ("%25" does; "%", "%zz" and the cut-off UTF-8
 * "%E0%A4%A" do not). Next cannot match such a path to a dynamic route and answers a bare 500,
 * so the proxy refuses it first with a 400.
 */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
