import "server-only";
import { parseCsv, serializeCsv } from "@/lib/chat/csv";
import { documentHandler } from "@/server/ai/document-writer";

/** Sheet documents: CSV, normalised so every saved version parses into the same grid the editor shows. */
export const sheetDocumentHandler = documentHandler("sheet", {
  fenced: true,
  finalize: (c) => serializeCsv(parseCsv(c.trim()).filter((row) => row.some((cell) => cell.trim() !== ""))),
});
