/** usage.requests: a deployment's metered requests, newest first, keyset-paginated on (created_at, id). */
import "server-only";
import { and, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { UsageRequestView } from "@/lib/gateway/requests";
import { boundedDate } from "@/lib/zod/text";
import { apiKeys, usageRecords } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { ownsDeployment } from "./owned-deployment";

const u = usageRecords;

function encodeCursor(row: { createdAt: Date; id: number }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

// Ours, but it comes back from the client: its parts are checked before they reach SQL.
const cursorParts = z.tuple([boundedDate(), z.number().int().positive()]);

function decodeCursor(cursor: string): { createdAt: Date; id: number } | null {
  try {
    const parsed = cursorParts.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

export interface RequestsOptions {
  deploymentId: string;
  status?: "success" | "error" | number;
  apiKeyId?: string;
  from?: Date;
  to?: Date;
  cursor?: string | null;
  limit: number;
}

function statusFilter(status: RequestsOptions["status"]): SQL | undefined {
  if (status === undefined) return undefined;
  if (status === "success") return sql`(${u.status} < 400 and ${u.errorCode} is null)`;
  if (status === "error") return sql`(${u.status} >= 400 or ${u.errorCode} is not null)`;
  return eq(u.status, status);
}

export type RequestsPage = { items: UsageRequestView[]; nextCursor: string | null };

/** Null when the deployment is not the user's ("not_found") or the cursor is not ours ("bad_cursor"). */
export async function deploymentRequests(
  db: DbOrTx,
  userId: string,
  opts: RequestsOptions,
): Promise<RequestsPage | "not_found" | "bad_cursor"> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (opts.cursor && !after) return "bad_cursor";
  if (!(await ownsDeployment(db, userId, opts.deploymentId))) return "not_found";
  const rows = await db
    .select({
      id: u.id,
      createdAt: u.createdAt,
      requestId: u.requestId,
      model: u.model,
      source: u.source,
      keyId: apiKeys.id,
      keyName: apiKeys.name,
      keyPrefix: apiKeys.prefix,
      status: u.status,
      errorCode: u.errorCode,
      stream: u.stream,
      promptTokens: u.promptTokens,
      completionTokens: u.completionTokens,
      ttftMs: u.ttftMs,
      totalMs: u.totalMs,
      requestText: u.requestText,
      responseText: u.responseText,
    })
    .from(u)
    .leftJoin(apiKeys, eq(apiKeys.id, u.apiKeyId))
    .where(
      and(
        eq(u.deploymentId, opts.deploymentId),
        eq(u.userId, userId),
        statusFilter(opts.status),
        opts.apiKeyId ? eq(u.apiKeyId, opts.apiKeyId) : undefined,
        opts.from ? gte(u.createdAt, opts.from) : undefined,
        opts.to ? lt(u.createdAt, opts.to) : undefined,
        after ? or(lt(u.createdAt, after.createdAt), and(eq(u.createdAt, after.createdAt), lt(u.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(u.createdAt), desc(u.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ keyId, keyName, keyPrefix, ...r }) => ({
      ...r,
      apiKey: keyId ? { id: keyId, name: keyName ?? "", prefix: keyPrefix ?? "" } : null,
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null,
  };
}
