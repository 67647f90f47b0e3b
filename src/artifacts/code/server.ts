import "server-only";
import { documentHandler } from "@/server/ai/document-writer";

/** Code documents: one source file, without the Markdown fence a model may wrap it in. */
export const codeDocumentHandler = documentHandler("code", { fenced: true, finalize: (c) => `${c.replace(/\s+$/, "")}\n` });
