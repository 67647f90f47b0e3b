/**
 * Versioned documents: every save is a new row with the same id and a later created_at.
 * Version keys are written with millisecond precision (what a JS Date holds), so the
 * `createdAt` a client gets back addresses exactly one row.
 */
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { documents, type Document } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import type { ArtifactKind } from "@/lib/chat/contract";

export async function listVersions(db: DbOrTx, documentId: string): Promise<Document[]> {
  return db.select().from(documents).where(eq(documents.id, documentId)).orderBy(asc(documents.createdAt));
}

export async function findVersion(db: DbOrTx, documentId: string, createdAt: Date): Promise<Document | null> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.createdAt, createdAt)))
    .limit(1);
  return row ?? null;
}

/** Latest version of every document created in a chat, newest first. */
export async function latestDocumentsForChat(
  db: DbOrTx,
  chatId: string,
): Promise<Pick<Document, "id" | "createdAt" | "title" | "kind" | "userId">[]> {
  const rows = await db
    .selectDistinctOn([documents.id], {
      id: documents.id,
      createdAt: documents.createdAt,
      title: documents.title,
      kind: documents.kind,
      userId: documents.userId,
    })
    .from(documents)
    .where(eq(documents.chatId, chatId))
    .orderBy(documents.id, desc(documents.createdAt));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export interface NewVersion {
  id: string;
  userId: string;
  chatId: string | null;
  title: string;
  kind: ArtifactKind;
  content: string;
}

/**
 * Appends a version. Its key is now, or 1 ms after the latest version when the clock has not
 * moved on, so versions stay strictly ordered. Callers check ownership first.
 */
export async function saveVersion(db: Db | DbOrTx, v: NewVersion): Promise<Document> {
  for (let attempt = 0; ; attempt++) {
    const [latest] = await db
      .select({ createdAt: documents.createdAt })
      .from(documents)
      .where(eq(documents.id, v.id))
      .orderBy(desc(documents.createdAt))
      .limit(1);
    const now = Date.now();
    const createdAt = new Date(latest ? Math.max(now, latest.createdAt.getTime() + 1) : now);
    const [row] = await db
      .insert(documents)
      .values({ ...v, createdAt })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    // A concurrent save took this key; take the next one.
    if (attempt >= 5) throw new Error(`could not save a new version of document ${v.id}`);
  }
}

/**
 * Overwrites the content of one version, for an editing session that keeps typing into the version
 * it created. Only the owner's row matches; the caller checks that it is still the latest version.
 */
export async function replaceVersionContent(db: DbOrTx, v: { id: string; userId: string; createdAt: Date; content: string }): Promise<boolean> {
  const rows = await db
    .update(documents)
    .set({ content: v.content })
    .where(and(eq(documents.id, v.id), eq(documents.userId, v.userId), eq(documents.createdAt, v.createdAt)))
    .returning({ id: documents.id });
  return rows.length > 0;
}
