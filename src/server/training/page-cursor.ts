/** Keyset cursors over (created_at, id), newest first: what the job and artifact lists page with. */
import "server-only";
import { z } from "zod";
import { boundedDate } from "@/lib/zod/text";

export interface PagePosition {
  createdAt: Date;
  id: string;
}

export function encodePageCursor(row: PagePosition): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

// Ours, but it comes back from the client: its parts are checked before they reach SQL.
const parts = z.tuple([boundedDate(), z.uuid()]);

/** Null when the cursor is not one of ours. */
export function decodePageCursor(cursor: string): PagePosition | null {
  try {
    const parsed = parts.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** The page and the cursor after it, from `limit + 1` rows. */
export function pageOf<T extends PagePosition>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodePageCursor(last) : null };
}
