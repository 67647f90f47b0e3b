/**
 * Attachments in a chat turn. On the way in, a message may name only the caller's own uploads, and
 * its file parts are rewritten from the server's record (type and name as checked on upload). On
 * the way to the model, each file part becomes what the model can take: an image as an AI SDK file
 * part (its bytes as a data URL: the provider cannot fetch our private route) for a model that sees
 * images, a text file as text for every model, and anything else as a line saying what is missing.
 */
import "server-only";
import type { FileUIPart } from "ai";
import { attachedMissingFile, attachedTextFile, attachedUnseenImage, decodeTextFile } from "@/lib/chat/attachment-content";
import { attachmentIdOf, attachmentUrl } from "@/lib/chat/attachments";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import type { ChatAttachment } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { currentRequest } from "@/server/http/route";
import { logger } from "@/server/log";
import { readableAttachment } from "./access";
import { ownedAttachments, readAttachmentBytes } from "./attachments";
import { ChatError } from "./errors";
import type { ChatRequest } from "./request";

type Part = RadiumUIMessage["parts"][number];

function filePartOf(row: ChatAttachment): FileUIPart {
  return { type: "file", url: attachmentUrl(row.id), mediaType: row.mediaType, filename: row.filename };
}

/** The request with its message's files checked as the caller's own; unchanged without files (no query). */
export async function withOwnAttachments(db: Db, userId: string, body: ChatRequest): Promise<ChatRequest> {
  if (body.trigger !== "submit-message") return body;
  const ids = body.message.parts.flatMap((p) => (p.type === "file" ? [attachmentIdOf(p.url)!] : []));
  if (ids.length === 0) return body;
  const rows = new Map((await ownedAttachments(db, userId, ids)).map((r) => [r.id, r]));
  // Another user's upload is "not found" like a made-up one: whether it exists is not ours to say.
  if (ids.some((id) => !rows.has(id))) {
    throw new ChatError("bad_request", "attachment", "An attached file was not found among your uploads: remove it and attach it again.");
  }
  const parts = body.message.parts.map((p) => (p.type === "file" ? filePartOf(rows.get(attachmentIdOf(p.url)!)!) : p));
  return { ...body, message: { ...body.message, parts } };
}

async function modelPart(row: ChatAttachment | null, part: FileUIPart, images: boolean): Promise<Part> {
  const named = { filename: row?.filename ?? part.filename ?? "file", mediaType: row?.mediaType ?? part.mediaType };
  if (!row) return { type: "text", text: attachedMissingFile(named) };
  if (row.kind === "image" && !images) return { type: "text", text: attachedUnseenImage({ ...named, size: row.size }) };
  let bytes: Uint8Array;
  try {
    bytes = await readAttachmentBytes(row);
  } catch (err) {
    (currentRequest()?.log ?? logger).warn({ err, attachmentId: row.id }, "chat: could not read an attachment for the model");
    return { type: "text", text: attachedMissingFile(named) };
  }
  if (row.kind === "image") return { ...filePartOf(row), url: `data:${row.mediaType};base64,${Buffer.from(bytes).toString("base64")}` };
  const text = decodeTextFile(bytes);
  return { type: "text", text: text === null ? attachedMissingFile(named) : attachedTextFile({ ...named, text }) };
}

/**
 * The history as the model is given it (the stored messages keep their attachment urls). Only
 * attachments the chat's owner may read are read: a copied chat's files stay the original owner's.
 */
export async function attachmentsForModel(db: Db, userId: string, history: RadiumUIMessage[], opts: { images: boolean }): Promise<RadiumUIMessage[]> {
  const ids = new Set(history.flatMap((m) => (m.role === "user" ? m.parts.flatMap((p) => (p.type === "file" ? [attachmentIdOf(p.url)] : [])) : [])));
  ids.delete(null);
  if (ids.size === 0) return history;
  const rows = new Map(await Promise.all([...ids].map(async (id) => [id, await readableAttachment(db, id!, userId)] as const)));
  return Promise.all(
    history.map(async (m) => {
      if (m.role !== "user" || !m.parts.some((p) => p.type === "file")) return m;
      const parts = await Promise.all(
        m.parts.map((p) => {
          if (p.type !== "file") return p;
          const id = attachmentIdOf(p.url);
          return modelPart(id ? (rows.get(id) ?? null) : null, p, opts.images);
        }),
      );
      return { ...m, parts };
    }),
  );
}
