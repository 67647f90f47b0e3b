import "server-only";
import { createDocumentTool } from "./create-document";
import { readDocumentTool } from "./read-document";
import { requestSuggestionsTool } from "./request-suggestions";
import { updateDocumentTool } from "./update-document";
import type { ToolContext } from "./context";

export type { ToolContext } from "./context";

/** The chat's tools, bound to the signed-in user and the chat. */
export function chatTools(ctx: ToolContext) {
  return {
    createDocument: createDocumentTool(ctx),
    updateDocument: updateDocumentTool(ctx),
    requestSuggestions: requestSuggestionsTool(ctx),
    readDocument: readDocumentTool(ctx),
  };
}

export type ChatTools = ReturnType<typeof chatTools>;
