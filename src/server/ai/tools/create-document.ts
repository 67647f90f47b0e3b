import { randomUUID } from "node:crypto";
import { tool, zodSchema } from "ai";
import { z } from "zod";
import { ARTIFACT_KINDS } from "@/lib/chat/contract";
import { saveVersion } from "@/server/chat/documents";
import { documentHandlers } from "../artifacts";
import { transcript } from "../prompts";
import { isAbortError, type ToolContext } from "./context";

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
      const id = randomUUID();
      writer.write({ type: "data-document-start", data: { id, title, kind, action: "create" }, transient: true });
      let streamed = "";
      const save = (content: string) => saveVersion(db, { id, userId, chatId, title, kind, content });
      let content: string;
      try {
        content = await documentHandlers[kind].create({
          model,
          title,
          conversation: transcript(messages),
          abortSignal,
          onDelta: (delta) => {
            streamed += delta;
            writer.write({ type: "data-document-delta", data: { id, delta }, transient: true });
          },
        });
      } catch (error) {
        // Stopped mid-document: keep what was written, like a stopped answer.
        if (isAbortError(error) && streamed.trim()) await save(streamed);
        throw error;
      }
      const version = await save(content);
      writer.write({ type: "data-document-finish", data: { id, createdAt: version.createdAt.toISOString() }, transient: true });
      return { id, title, kind };
    },
  });
}
