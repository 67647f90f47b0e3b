import "server-only";
import { tool, zodSchema } from "ai";
import { z } from "zod";
import { ownedDocument } from "@/server/chat/access";
import { documentHandlers } from "../artifacts";
import { transcript } from "../prompts";
import { DOCUMENT_NOT_FOUND, isUuid, type ToolContext } from "./context";
import { streamDocumentVersion } from "./stream-document";

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
      const target = { id, title: doc.title, kind: doc.kind, chatId: doc.chatId, action: "update" as const };
      return streamDocumentVersion({ db, userId, writer }, target, (onDelta) =>
        documentHandlers[doc.kind].update({
          model,
          document: { title: doc.title, content: doc.content },
          description,
          conversation: transcript(messages),
          abortSignal,
          onDelta,
        }),
      );
    },
  });
}
