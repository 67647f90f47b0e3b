import "server-only";
import { documentHandler } from "@/server/ai/document-writer";

/** Text documents: Markdown prose written from the conversation, revised as a whole. */
export const textDocumentHandler = documentHandler("text", { fenced: false, finalize: (c) => c.trim() });
