/** "limit: Too big: expected number to be <=100" — one line per issue, path first. */
export function issuesMessage(issues: ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }>): string {
  return issues
    .map((i) => {
      const path = (i.path ?? []).map((p) => (typeof p === "object" && p && "key" in p ? String(p.key) : String(p))).join(".");
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join("; ");
}
