/** Suggestions on a document version; resolving one (apply or dismiss) is final. */
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { documents, suggestions, type Document, type Suggestion } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import { saveVersion } from "./documents";

export interface SuggestionDraft {
  originalText: string;
  suggestedText: string;
  description: string;
}

/**
 * Keeps the drafts that can be applied to `content`: the original text occurs in it verbatim,
 * the suggestion changes something, and no two drafts target the same text.
 */
export function applicableDrafts(content: string, drafts: SuggestionDraft[], max = 8): SuggestionDraft[] {
  const seen = new Set<string>();
  const out: SuggestionDraft[] = [];
  for (const d of drafts) {
    const originalText = d.originalText;
    if (!originalText.trim() || !content.includes(originalText)) continue;
    if (d.suggestedText === originalText || seen.has(originalText)) continue;
    seen.add(originalText);
    out.push({ originalText, suggestedText: d.suggestedText, description: d.description.trim() || "Suggested edit" });
    if (out.length >= max) break;
  }
  return out;
}

export async function saveSuggestions(
  db: DbOrTx,
  version: Pick<Document, "id" | "createdAt" | "userId">,
  drafts: SuggestionDraft[],
): Promise<Suggestion[]> {
  if (drafts.length === 0) return [];
  return db
    .insert(suggestions)
    .values(
      drafts.map((d) => ({
        documentId: version.id,
        documentCreatedAt: version.createdAt,
        userId: version.userId,
        originalText: d.originalText,
        suggestedText: d.suggestedText,
        description: d.description,
      })),
    )
    .returning();
}

/** Open suggestions of a document that still apply to its latest content, oldest first. */
export async function openSuggestions(db: DbOrTx, documentId: string, latestContent: string): Promise<Suggestion[]> {
  const rows = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.documentId, documentId), eq(suggestions.status, "open")))
    .orderBy(asc(suggestions.createdAt));
  return rows.filter((s) => latestContent.includes(s.originalText));
}

export async function findSuggestion(db: DbOrTx, id: string): Promise<Suggestion | null> {
  const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id)).limit(1);
  return row ?? null;
}

export type ResolveOutcome =
  | { ok: true; status: "applied" | "dismissed"; documentCreatedAt: Date | null }
  | { ok: false; reason: "stale" };

/**
 * Applies (new document version with the original text replaced) or dismisses a suggestion and
 * marks it resolved. A suggestion that is already resolved stays as it is.
 */
export async function resolveSuggestion(db: Db, suggestionId: string, action: "apply" | "dismiss"): Promise<ResolveOutcome> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(suggestions).where(eq(suggestions.id, suggestionId)).for("update");
    if (!current) return { ok: false, reason: "stale" } as const;
    if (current.status !== "open") return { ok: true, status: current.status, documentCreatedAt: null } as const;
    let documentCreatedAt: Date | null = null;
    if (action === "apply") {
      const [latest] = await tx
        .select()
        .from(documents)
        .where(eq(documents.id, current.documentId))
        .orderBy(desc(documents.createdAt))
        .limit(1);
      if (!latest) return { ok: false, reason: "stale" } as const;
      const at = latest.content.indexOf(current.originalText);
      if (at < 0) return { ok: false, reason: "stale" } as const;
      const content = latest.content.slice(0, at) + current.suggestedText + latest.content.slice(at + current.originalText.length);
      const version = await saveVersion(tx, {
        id: latest.id,
        userId: latest.userId,
        chatId: latest.chatId,
        title: latest.title,
        kind: latest.kind,
        content,
      });
      documentCreatedAt = version.createdAt;
    }
    const status = action === "apply" ? ("applied" as const) : ("dismissed" as const);
    await tx.update(suggestions).set({ status, resolvedAt: new Date() }).where(eq(suggestions.id, current.id));
    return { ok: true, status, documentCreatedAt } as const;
  });
}
