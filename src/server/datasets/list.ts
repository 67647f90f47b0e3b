/**
 * A user's datasets (deleted ones never), filtered by a search over name and file name, format and
 * status, in one of four orders, keyset-paginated on (sort value, id): a page is one range scan, and
 * rows added meanwhile neither repeat nor shift the pages after.
 */
import "server-only";
import { and, asc, desc, eq, gt, ilike, isNull, lt, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { z } from "zod";
import type { DatasetStatus } from "@/lib/dataset-lifecycle";
import type { DatasetFormat } from "@/lib/datasets/types";
import { boundedDate } from "@/lib/zod/text";
import { datasets } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { type DatasetListItem, listItemOf } from "./view";

export const DATASET_SORTS = ["newest", "oldest", "name", "size"] as const;
export type DatasetSort = (typeof DATASET_SORTS)[number];

export interface DatasetListOptions {
  search?: string;
  format?: DatasetFormat;
  status?: DatasetStatus;
  sort: DatasetSort;
  cursor?: string | null;
  limit: number;
}

const lowerName = sql<string>`lower(${datasets.name})`;

/** Each order: the value it sorts on, its direction, and how a cursor's value is checked. */
const ORDERS = {
  newest: { key: datasets.createdAt, dir: "desc", value: boundedDate() },
  oldest: { key: datasets.createdAt, dir: "asc", value: boundedDate() },
  name: { key: lowerName, dir: "asc", value: z.string().max(1000) },
  // Largest first: what "sort by size" is for is finding the big ones.
  size: { key: datasets.fileSize, dir: "desc", value: z.number().int().min(0) },
} as const;

type Cursor = { value: Date | string | number; id: string };

function sortValue(sort: DatasetSort, row: DatasetListItem): Date | string | number {
  if (sort === "name") return row.name.toLowerCase();
  if (sort === "size") return row.fileSize;
  return row.createdAt;
}

function encodeCursor(sort: DatasetSort, row: DatasetListItem): string {
  const value = sortValue(sort, row);
  return Buffer.from(JSON.stringify([sort, value instanceof Date ? value.toISOString() : value, row.id])).toString("base64url");
}

// Ours, but it comes back from the client: its parts are checked before they reach SQL.
function decodeCursor(sort: DatasetSort, cursor: string): Cursor | null {
  try {
    const shape = z.tuple([z.literal(sort), ORDERS[sort].value, z.uuid()]);
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? { value: parsed.data[1], id: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

/** `%` and `_` in a search are literal characters, not patterns. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function after(sort: DatasetSort, cursor: Cursor): SQL | undefined {
  const { dir } = ORDERS[sort];
  const key: SQLWrapper = ORDERS[sort].key;
  const beyond = dir === "desc" ? lt : gt;
  return or(beyond(key, cursor.value), and(eq(key, cursor.value), beyond(datasets.id, cursor.id)));
}

/** Null when the cursor is not one of ours (or was made for another order). */
export async function listDatasets(
  db: DbOrTx,
  userId: string,
  opts: DatasetListOptions,
): Promise<{ items: DatasetListItem[]; nextCursor: string | null } | null> {
  const cursor = opts.cursor ? decodeCursor(opts.sort, opts.cursor) : null;
  if (opts.cursor && !cursor) return null;
  const { key, dir } = ORDERS[opts.sort];
  const order = dir === "desc" ? desc : asc;
  const search = opts.search?.trim();
  const rows = await db
    .select({
      id: datasets.id,
      name: datasets.name,
      description: datasets.description,
      fileName: datasets.fileName,
      fileSize: datasets.fileSize,
      format: datasets.format,
      status: datasets.status,
      statusReason: datasets.statusReason,
      baseModelId: datasets.baseModelId,
      exampleCount: datasets.exampleCount,
      tokenCount: datasets.tokenCount,
      totalErrors: datasets.totalErrors,
      totalWarnings: datasets.totalWarnings,
      validatedBytes: datasets.validatedBytes,
      createdAt: datasets.createdAt,
      updatedAt: datasets.updatedAt,
    })
    .from(datasets)
    .where(
      and(
        eq(datasets.userId, userId),
        isNull(datasets.deletedAt),
        search ? or(ilike(datasets.name, likePattern(search)), ilike(datasets.fileName, likePattern(search))) : undefined,
        opts.format ? eq(datasets.format, opts.format) : undefined,
        opts.status ? eq(datasets.status, opts.status) : undefined,
        cursor ? after(opts.sort, cursor) : undefined,
      ),
    )
    .orderBy(order(key), order(datasets.id))
    .limit(opts.limit + 1);
  const items = rows.map(listItemOf);
  const more = items.length > opts.limit;
  if (more) items.pop();
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(opts.sort, last) : null };
}
