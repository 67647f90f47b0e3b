/**
 * Reads the document tools' parts of an assistant message (`tool-createDocument`, …) into a small
 * view model for their cards. Parts are typed by the chat's tools (`RadiumUITools`), so each
 * tool's input and output narrow by the part's type and state.
 */
import { isStaticToolUIPart, type ToolUIPart } from "ai";
import type { ArtifactKind, RadiumMessagePart, RadiumUIMessage, RadiumUITools } from "./contract";

export type DocumentTool = keyof RadiumUITools;
type DocumentToolPart = ToolUIPart<RadiumUITools>;

export interface DocumentRef {
  id: string;
  title: string;
  kind: ArtifactKind;
}

export interface ToolPartView {
  tool: DocumentTool;
  toolCallId: string;
  state: "running" | "done" | "error";
  /** The document the call concerns, once known (from output, or from input for update/read). */
  document: DocumentRef | null;
  documentId: string | null;
  /** Title or description the model asked for (while running). */
  inputLabel: string | null;
  suggestionCount: number | null;
  errorText: string | null;
}

const TOOL_OF_TYPE = {
  "tool-createDocument": "createDocument",
  "tool-updateDocument": "updateDocument",
  "tool-requestSuggestions": "requestSuggestions",
  "tool-readDocument": "readDocument",
} as const satisfies { [T in DocumentToolPart["type"]]: DocumentTool };

function stateOf(part: DocumentToolPart): ToolPartView["state"] {
  if (part.state === "output-available") return "done";
  return part.state === "output-error" || part.state === "output-denied" ? "error" : "running";
}

/** What the call's input names while it runs: the title or change asked for, and the document. */
function readInput(part: DocumentToolPart): Pick<ToolPartView, "inputLabel" | "documentId"> {
  const input = part.input;
  if (!input) return { inputLabel: null, documentId: null };
  const inputLabel = ("title" in input && input.title) || ("description" in input && input.description) || null;
  const documentId = ("id" in input && input.id) || ("documentId" in input && input.documentId) || null;
  return { inputLabel, documentId };
}

export function readToolPart(part: RadiumMessagePart): ToolPartView | null {
  if (!isStaticToolUIPart(part)) return null;
  const view: ToolPartView = {
    tool: TOOL_OF_TYPE[part.type],
    toolCallId: part.toolCallId,
    state: stateOf(part),
    document: null,
    suggestionCount: null,
    errorText: part.state === "output-error" ? part.errorText : null,
    ...readInput(part),
  };
  if (part.state !== "output-available") return view;
  if (part.type === "tool-requestSuggestions") {
    view.documentId = part.output.documentId;
    view.suggestionCount = part.output.count;
  } else {
    const { id, title, kind } = part.output;
    view.document = { id, title, kind };
    view.documentId = id;
  }
  return view;
}

/**
 * The document the chat's last answer wrote (created or updated), to reopen beside a chat when it
 * is opened again; null when the last answer wrote none.
 */
export function lastAnswerDocument(messages: ReadonlyArray<Pick<RadiumUIMessage, "role" | "parts">>): DocumentRef | null {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return null;
  for (let i = last.parts.length - 1; i >= 0; i--) {
    const view = readToolPart(last.parts[i]!);
    if (view?.document && (view.tool === "createDocument" || view.tool === "updateDocument")) return view.document;
  }
  return null;
}
