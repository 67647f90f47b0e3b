/** A user's deployments, newest first, keyset-paginated on (created_at, id). */
import "server-only";
import { and, desc, eq, lt, ne, or } from "drizzle-orm";
import { z } from "zod";
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import { boundedDate } from "@/lib/zod/text";
import { deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { type DeploymentView, deploymentView } from "./view";

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

// Ours, but it comes back from the client: its parts are checked before they reach SQL.
const cursorParts = z.tuple([boundedDate(), z.uuid()]);

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  try {
    const parsed = cursorParts.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

export interface ListOptions {
  /** One status; without it, every deployment except deleted ones. */
  status?: DeploymentStatus;
  cursor?: string | null;
  limit: number;
}

/** Null when the cursor is not one of ours. */
export async function listDeployments(
  db: DbOrTx,
  userId: string,
  opts: ListOptions,
): Promise<{ items: DeploymentView[]; nextCursor: string | null } | null> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (opts.cursor && !after) return null;
  const rows = await db
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.userId, userId),
        opts.status ? eq(deployments.status, opts.status) : ne(deployments.status, "deleted"),
        after
          ? or(lt(deployments.createdAt, after.createdAt), and(eq(deployments.createdAt, after.createdAt), lt(deployments.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(deployments.createdAt), desc(deployments.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return { items: page.map(deploymentView), nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null };
}
