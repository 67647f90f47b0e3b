/**
 * Chat attachments in storage and in the database: stored once their bytes pass the same checks
 * the composer made (src/lib/chat/attachments.ts), now from the bytes themselves; looked up by their
 * owner when a message names them; deleted by their owner while no message shows them.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { decodeTextFile, sniffImageType } from "@/lib/chat/attachment-content";
import { attachmentUrl, checkAttachment } from "@/lib/chat/attachments";
import { chatAttachments, chats, messages, type ChatAttachment } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
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

export type DeleteAttachmentResult = "deleted" | "not_found" | "in_use";

/**
 * Removes an attachment that was uploaded and then taken off the message before sending. One that
 * a message of the owner's chats shows stays: deleting it would break that message.
 */
export async function deleteAttachment(db: Db, userId: string, id: string): Promise<DeleteAttachmentResult> {
  const shows = JSON.stringify([{ type: "file", url: attachmentUrl(id) }]);
  const row = await db.transaction(async (tx) => {
    const [own] = await tx
      .select()
      .from(chatAttachments)
      .where(and(eq(chatAttachments.id, id), eq(chatAttachments.userId, userId)))
      .for("update");
    if (!own) return "not_found" as const;
    const [used] = await tx
      .select({ id: messages.id })
      .from(chats)
      .innerJoin(messages, eq(messages.chatId, chats.id))
      .where(and(eq(chats.userId, userId), sql`${messages.parts} @> ${shows}::jsonb`))
      .limit(1);
    if (used) return "in_use" as const;
    await tx.delete(chatAttachments).where(eq(chatAttachments.id, id));
    return own;
  });
  if (typeof row === "string") return row;
  await (await storageFor(row.storageKind)).delete(row.storageKey);
  return "deleted";
}
