import "server-only";
import { tool, zodSchema } from "ai";
import { z } from "zod";
import { ownedDocument } from "@/server/chat/access";
import { DOCUMENT_NOT_FOUND, isUuid, type ToolContext } from "./context";

const MAX_CONTENT = 60_000;
const inputSchema = zodSchema(z.object({ id: z.string().describe("The document id") }));

/** readDocument({ id }): the current content of one of the user's documents (edits included). */
export function readDocumentTool({ db, userId }: ToolContext) {
  return tool({
    description: "Read the current content of a document (including the user's own edits) before answering questions about it or changing it.",
    inputSchema,
    execute: async ({ id }) => {
      const doc = isUuid(id) ? await ownedDocument(db, id, userId) : null;
      if (!doc) throw new Error(DOCUMENT_NOT_FOUND);
      const content = doc.content.length > MAX_CONTENT ? `${doc.content.slice(0, MAX_CONTENT)}\n…(truncated)` : doc.content;
      return { id: doc.id, title: doc.title, kind: doc.kind, content };
    },
  });
}
