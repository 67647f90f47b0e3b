import "server-only";
import { generateText, NoObjectGeneratedError, Output, tool, zodSchema } from "ai";
import { z } from "zod";
import { ownedDocument } from "@/server/chat/access";
import { applicableDrafts, saveSuggestions, type SuggestionDraft } from "@/server/chat/suggestions";
import { SUGGESTIONS_INSTRUCTIONS, suggestionsPrompt } from "../prompts";
import { DOCUMENT_NOT_FOUND, isUuid, type ToolContext } from "./context";

const draftSchema = z.object({
  originalText: z.string(),
  suggestedText: z.string(),
  description: z.string(),
});
const suggestionsSchema = z.object({ suggestions: z.array(draftSchema) });
const inputSchema = zodSchema(z.object({ documentId: z.string().describe("The document id") }));

/** Reads drafts out of a reply that was not valid structured output (some compatible servers). */
function lenientDrafts(text: string | undefined): SuggestionDraft[] {
  if (!text) return [];
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return [];
  try {
    const parsed = suggestionsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.suggestions : [];
  } catch {
    return [];
  }
}

/**
 * requestSuggestions({ documentId }): asks the model for edits to the latest version and saves
 * those whose original text occurs verbatim in it, so each can be shown on the text it targets.
 */
export function requestSuggestionsTool({ db, userId, writer, model }: ToolContext) {
  return tool({
    description: "Suggest improvements to a document. The suggestions are shown on the text they target for the user to apply or dismiss.",
    inputSchema,
    execute: async ({ documentId }, { abortSignal }) => {
      const doc = isUuid(documentId) ? await ownedDocument(db, documentId, userId) : null;
      if (!doc) throw new Error(DOCUMENT_NOT_FOUND);
      let drafts: SuggestionDraft[];
      try {
        const result = await generateText({
          model,
          instructions: SUGGESTIONS_INSTRUCTIONS,
          prompt: suggestionsPrompt({ title: doc.title, kind: doc.kind, content: doc.content }),
          output: Output.object({ schema: suggestionsSchema, name: "suggestions" }),
          abortSignal,
          maxRetries: 1,
        });
        drafts = result.output.suggestions;
      } catch (error) {
        if (!NoObjectGeneratedError.isInstance(error)) throw error;
        drafts = lenientDrafts(error.text);
      }
      const saved = await saveSuggestions(db, doc, applicableDrafts(doc.content, drafts));
      writer.write({ type: "data-suggestions-ready", data: { documentId: doc.id, count: saved.length }, transient: true });
      return { documentId: doc.id, count: saved.length };
    },
  });
}
