import "server-only";
import { randomUUID } from "node:crypto";
import { tool, zodSchema } from "ai";
import { z } from "zod";
import { ARTIFACT_KINDS } from "@/lib/chat/contract";
import { documentHandlers } from "../artifacts";
import { transcript } from "../prompts";
import type { ToolContext } from "./context";
import { streamDocumentVersion } from "./stream-document";

// Module-level: the JSON Schema sent to the model is computed once, not on every request.
const inputSchema = zodSchema(
  z.object({
    title: z.string().trim().min(1).max(200).describe("A short, descriptive title"),
    kind: z.enum(ARTIFACT_KINDS).describe("text, code or sheet"),
  }),
);

/** createDocument({ title, kind }): writes a new document from the conversation, streaming its content. */
export function createDocumentTool({ db, userId, chatId, writer, model }: ToolContext) {
  return tool({
    description:
      "Create a document (text: prose in Markdown; code: one source file; sheet: CSV) shown beside the chat. The content is written from the whole conversation. Returns the new document's id.",
    inputSchema,
    execute: async ({ title, kind }, { messages, abortSignal }) => {
      const doc = { id: randomUUID(), title, kind, chatId, action: "create" as const };
      return streamDocumentVersion({ db, userId, writer }, doc, (onDelta) =>
        documentHandlers[kind].create({ model, title, conversation: transcript(messages), abortSignal, onDelta }),
      );
    },
  });
}
