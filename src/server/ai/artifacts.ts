/** The per-kind document handlers (src/artifacts/<kind>/server.ts). Adding a kind adds a line here. */
import "server-only";
import type { ArtifactKind } from "@/lib/chat/contract";
import { codeDocumentHandler } from "@/artifacts/code/server";
import { sheetDocumentHandler } from "@/artifacts/sheet/server";
import { textDocumentHandler } from "@/artifacts/text/server";
import type { DocumentHandler } from "./document-writer";

export const documentHandlers: Record<ArtifactKind, DocumentHandler> = {
  text: textDocumentHandler,
  code: codeDocumentHandler,
  sheet: sheetDocumentHandler,
};
