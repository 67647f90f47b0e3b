import { tool, zodSchema } from "ai";
import { z } from "zod";
import { ownedDocument } from "@/server/chat/access";
import { saveVersion } from "@/server/chat/documents";
import { documentHandlers } from "../artifacts";
import { transcript } from "../prompts";
import { DOCUMENT_NOT_FOUND, isAbortError, isUuid, type ToolContext } from "./context";

const inputSchema = zodSchema(
  z.object({
    id: z.string().describe("The document id"),
    description: z.string().trim().min(1).max(2000).describe("What to change"),
  }),
);

/** updateDocument({ id, description }): rewrites one of the user's documents as a new version. */
export function updateDocumentTool({ db, userId, writer, model }: ToolContext) {
  return tool({
    description:
      "Change an existing document according to a description of the change (for example 'make it shorter', 'add comments'). Saves a new version; earlier versions stay available.",
    inputSchema,
    execute: async ({ id, description }, { messages, abortSignal }) => {
      const doc = isUuid(id) ? await ownedDocument(db, id, userId) : null;
      if (!doc) throw new Error(DOCUMENT_NOT_FOUND);
      writer.write({ type: "data-document-start", data: { id, title: doc.title, kind: doc.kind, action: "update" }, transient: true });
      let streamed = "";
      const save = (content: string) =>
        saveVersion(db, { id, userId, chatId: doc.chatId, title: doc.title, kind: doc.kind, content });
      let content: string;
      try {
        content = await documentHandlers[doc.kind].update({
          model,
          document: { title: doc.title, content: doc.content },
          description,
          conversation: transcript(messages),
          abortSignal,
          onDelta: (delta) => {
            streamed += delta;
            writer.write({ type: "data-document-delta", data: { id, delta }, transient: true });
          },
        });
      } catch (error) {
        if (isAbortError(error) && streamed.trim()) await save(streamed);
        throw error;
      }
      const version = await save(content);
      writer.write({ type: "data-document-finish", data: { id, createdAt: version.createdAt.toISOString() }, transient: true });
      return { id, title: doc.title, kind: doc.kind };
    },
  });
}
