/**
 * Chat attachments in storage and in the database: stored once their bytes pass the same checks
 * the composer made (src/lib/chat/attachments.ts), now from the bytes themselves; looked up by their
 * owner when a message names them; deleted by their owner while no message shows them, and with the
 * last chat that shows them.
 */
import "server-only";
import { and, eq, inArray, notExists, type SQL, sql } from "drizzle-orm";
import { decodeTextFile, sniffImageType } from "@/lib/chat/attachment-content";
import { ATTACHMENT_URL_PREFIX, attachmentIdOf, attachmentUrl, checkAttachment } from "@/lib/chat/attachments";
import { chatAttachments, chats, messages, type ChatAttachment } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import { logger } from "@/server/log";
import { getStorage, storageFor } from "@/server/storage";
import { assertStorageKey } from "@/server/storage/types";

export type AttachmentRefusalCode = "unsupported_type" | "too_large" | "empty";

/** A file that cannot be attached, with the sentence that says why. */
export class AttachmentRefusal extends Error {
  constructor(
    readonly code: AttachmentRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "AttachmentRefusal";
  }
}

export function attachmentStorageKey(userId: string, id: string): string {
  return assertStorageKey(`${userId}/chat-attachments/${id}`);
}

/** Checks a file's bytes, stores them with the configured storage, and records the attachment. */
export async function storeAttachment(db: Db, userId: string, file: { filename: string; declaredType: string; bytes: Uint8Array }): Promise<ChatAttachment> {
  const { filename, bytes } = file;
  const check = checkAttachment({ name: filename, type: file.declaredType, size: bytes.byteLength });
  if (!check.ok) throw new AttachmentRefusal(check.code, check.message);
  let mediaType = check.mediaType;
  if (check.kind === "image") {
    // The bytes decide: a renamed file is not an image, and a PNG named .jpg is served as a PNG.
    const sniffed = sniffImageType(bytes);
    if (!sniffed) throw new AttachmentRefusal("unsupported_type", `"${filename}" is not a PNG, JPEG, WebP or GIF image.`);
    mediaType = sniffed;
  } else if (decodeTextFile(bytes) === null) {
    throw new AttachmentRefusal("unsupported_type", `"${filename}" is not a text file: it must be UTF-8 text.`);
  }

  const id = crypto.randomUUID();
  const storageKey = attachmentStorageKey(userId, id);
  const storage = await getStorage();
  await storage.put(storageKey, bytes, { contentType: mediaType });
  try {
    const [row] = await db
      .insert(chatAttachments)
      .values({ id, userId, kind: check.kind, mediaType, filename, size: bytes.byteLength, storageKind: storage.kind, storageKey })
      .returning();
    return row!;
  } catch (err) {
    await storage.delete(storageKey).catch(() => {});
    throw err;
  }
}

/** The caller's own attachments among `ids` (others' and unknown ids are simply absent). */
export async function ownedAttachments(db: DbOrTx, userId: string, ids: string[]): Promise<ChatAttachment[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(chatAttachments)
    .where(and(eq(chatAttachments.userId, userId), inArray(chatAttachments.id, ids)));
}

/** An attachment's bytes, from the storage it was put in. */
export async function readAttachmentBytes(row: Pick<ChatAttachment, "storageKind" | "storageKey">): Promise<Uint8Array> {
  return (await (await storageFor(row.storageKind)).read(row.storageKey)).body;
}

/**
 * The messages of the owner's chats that show the attachment at `url` (a file part naming it): while
 * there is one, the attachment stays. `url` is SQL, a value or a column expression of the outer query.
 */
function ownerMessagesShowing(db: DbOrTx, userId: string, url: SQL) {
  return db
    .select({ id: messages.id })
    .from(messages)
    .innerJoin(chats, eq(chats.id, messages.chatId))
    .where(and(eq(chats.userId, userId), sql`${messages.parts} @> jsonb_build_array(jsonb_build_object('type', 'file', 'url', ${url}))`));
}

export type DeleteAttachmentResult = "deleted" | "not_found" | "in_use";

/**
 * Removes an attachment that was uploaded and then taken off the message before sending. One that
 * a message of the owner's chats shows stays: deleting it would break that message.
 */
export async function deleteAttachment(db: Db, userId: string, id: string): Promise<DeleteAttachmentResult> {
  const row = await db.transaction(async (tx) => {
    const [own] = await tx
      .select()
      .from(chatAttachments)
      .where(and(eq(chatAttachments.id, id), eq(chatAttachments.userId, userId)))
      .for("update");
    if (!own) return "not_found" as const;
    const [used] = await ownerMessagesShowing(tx, userId, sql`${attachmentUrl(id)}::text`).limit(1);
    if (used) return "in_use" as const;
    await tx.delete(chatAttachments).where(eq(chatAttachments.id, id));
    return own;
  });
  if (typeof row === "string") return row;
  await (await storageFor(row.storageKind)).delete(row.storageKey);
  return "deleted";
}

/** The attachments that messages of the user's chat (or of all their chats) show: read before the chats are deleted. */
export async function attachmentsShownIn(db: DbOrTx, userId: string, chatId?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ url: sql<string>`part->>'url'` })
    .from(messages)
    .innerJoin(chats, eq(chats.id, messages.chatId))
    .crossJoin(sql`jsonb_array_elements(${messages.parts}) as part`)
    .where(and(eq(chats.userId, userId), chatId ? eq(chats.id, chatId) : undefined, sql`part->>'type' = 'file'`));
  return rows.map((r) => attachmentIdOf(r.url ?? "")).filter((id) => id !== null);
}

/**
 * Removes those of `ids` that no message of the owner's chats shows any more (after a chat was
 * deleted): their rows, then their bytes. A file still shown elsewhere (a fork) stays. Returns how
 * many were removed; bytes that cannot be removed now are logged, never thrown: the chat is gone already.
 */
export async function removeUnshownAttachments(db: Db, userId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const shown = ownerMessagesShowing(db, userId, sql`${ATTACHMENT_URL_PREFIX} || ${chatAttachments.id}::text`);
  const removed = await db
    .delete(chatAttachments)
    .where(and(eq(chatAttachments.userId, userId), inArray(chatAttachments.id, ids), notExists(shown)))
    .returning({ storageKind: chatAttachments.storageKind, storageKey: chatAttachments.storageKey });
  for (const row of removed) {
    try {
      await (await storageFor(row.storageKind)).delete(row.storageKey);
    } catch (err) {
      logger.warn({ err, storageKey: row.storageKey }, "chat attachment: the row is deleted but its bytes could not be");
    }
  }
  return removed.length;
}
