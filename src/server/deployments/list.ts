/** A user's deployments, newest first, keyset-paginated on (created_at, id). */
import "server-only";
import { and, desc, eq, lt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import { boundedDate } from "@/lib/zod/text";
import { deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { DeploymentListItem } from "./view";

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

/**
 * Only the columns the table shows, shaped in the select (the two small parts of `config` are cut
 * out by PostgreSQL): a page is a short index scan on (user_id, created_at DESC, id DESC).
 */
function listQuery(db: DbOrTx, userId: string, opts: ListOptions, after: { createdAt: Date; id: string } | null) {
  const { config } = deployments;
  return db
    .select({
      id: deployments.id,
      name: deployments.name,
      modelId: deployments.modelId,
      status: deployments.status,
      hardware: sql<DeploymentListItem["hardware"]>`${config} -> 'hardware'`,
      replicas: {
        minReplicas: sql<number>`(${config} #>> '{scaling,minReplicas}')::int`,
        maxReplicas: sql<number>`(${config} #>> '{scaling,maxReplicas}')::int`,
      },
      monthly: { minCents: deployments.monthlyMinCents, expectedCents: deployments.monthlyExpectedCents, maxCents: deployments.monthlyMaxCents },
      createdAt: deployments.createdAt,
    })
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
}

/** The list's SQL for a user, for checking its plan (tests). */
export const listQueryForTesting = (db: DbOrTx, userId: string, opts: ListOptions) =>
  listQuery(db, userId, opts, opts.cursor ? decodeCursor(opts.cursor) : null);

/** Null when the cursor is not one of ours. */
export async function listDeployments(
  db: DbOrTx,
  userId: string,
  opts: ListOptions,
): Promise<{ items: DeploymentListItem[]; nextCursor: string | null } | null> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (opts.cursor && !after) return null;
  const rows: DeploymentListItem[] = await listQuery(db, userId, opts, after);
  const more = rows.length > opts.limit;
  if (more) rows.pop();
  const last = rows.at(-1);
  return { items: rows, nextCursor: more && last ? encodeCursor(last) : null };
}
