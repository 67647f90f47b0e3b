/**
 * Ids of critical notifications already shown as a toast, kept in localStorage so a reload or a
 * second tab does not show the same one again. Bounded: only the newest few hundred are remembered.
 */
const KEY = "radium:toasted-notifications";
const MAX = 200;

export function readSeen(storage: Pick<Storage, "getItem"> | undefined): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

export function writeSeen(storage: Pick<Storage, "setItem"> | undefined, seen: Set<string>): void {
  try {
    storage?.setItem(KEY, JSON.stringify([...seen].slice(-MAX)));
  } catch {
    // Storage full or blocked: the in-memory set still stops repeats in this tab.
  }
}

/** The ones to toast now: critical, unread and not yet shown (oldest first, so they stack in order). */
export function toToast<T extends { id: string; priority: string; readAt: Date | null }>(items: readonly T[], seen: Set<string>): T[] {
  return items.filter((n) => n.priority === "critical" && !n.readAt && !seen.has(n.id)).reverse();
}
