/**
 * The conversation shown: the path from the chat's tip (`chats.leaf_id`) up to its first message,
 * oldest first. Worked out here from the chat's messages (read by the chat's index) rather than by
 * a recursive query: the planner cannot tell a path is short, and the recursive plan cost more
 * than the walk on every chat turn.
 */
export function branchPath<T extends { id: string; parentId: string | null }>(messages: readonly T[], leafId: string | null): T[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const path: T[] = [];
  // A parent link can only point to an older message, so the walk ends; the bound guards bad data.
  for (let m = leafId ? byId.get(leafId) : undefined; m && path.length < messages.length; m = m.parentId ? byId.get(m.parentId) : undefined) {
    path.push(m);
  }
  return path.reverse();
}
