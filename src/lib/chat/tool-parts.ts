/**
 * Reads the document tools' parts of an assistant message (`tool-createDocument`, …) into a
 * small view model. Outputs are validated by shape since tool parts arrive untyped (jsonb).
 */
import { ARTIFACT_KINDS, type ArtifactKind } from "./contract";

export const DOCUMENT_TOOLS = ["createDocument", "updateDocument", "requestSuggestions", "readDocument"] as const;
export type DocumentTool = (typeof DOCUMENT_TOOLS)[number];

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asDocumentRef(v: unknown): DocumentRef | null {
  if (!isRecord(v)) return null;
  const { id, title, kind } = v;
  if (typeof id !== "string" || typeof title !== "string") return null;
  if (typeof kind !== "string" || !(ARTIFACT_KINDS as readonly string[]).includes(kind)) return null;
  return { id, title, kind: kind as ArtifactKind };
}

export function readToolPart(part: { type: string; [k: string]: unknown }): ToolPartView | null {
  if (!part.type.startsWith("tool-")) return null;
  const tool = part.type.slice("tool-".length);
  if (!(DOCUMENT_TOOLS as readonly string[]).includes(tool)) return null;
  const state = typeof part.state === "string" ? part.state : "input-streaming";
  const input = isRecord(part.input) ? part.input : {};
  const output = part.output;
  const view: ToolPartView = {
    tool: tool as DocumentTool,
    toolCallId: typeof part.toolCallId === "string" ? part.toolCallId : "",
    state: state === "output-available" ? "done" : state === "output-error" || state === "output-denied" ? "error" : "running",
    document: null,
    documentId: null,
    inputLabel: null,
    suggestionCount: null,
    errorText: typeof part.errorText === "string" ? part.errorText : null,
  };
  if (typeof input.title === "string") view.inputLabel = input.title;
  else if (typeof input.description === "string") view.inputLabel = input.description;
  const inputId = typeof input.id === "string" ? input.id : typeof input.documentId === "string" ? input.documentId : null;
  view.documentId = inputId;
  if (view.state === "done") {
    if (tool === "requestSuggestions" && isRecord(output)) {
      if (typeof output.documentId === "string") view.documentId = output.documentId;
      if (typeof output.count === "number") view.suggestionCount = output.count;
    } else {
      const ref = asDocumentRef(output);
      if (ref) {
        view.document = ref;
        view.documentId = ref.id;
      } else if (isRecord(output) && typeof output.error === "string") {
        view.state = "error";
        view.errorText = output.error;
      }
    }
  }
  return view;
}

/**
 * The document the chat's last answer wrote (created or updated), to reopen beside a chat when it
 * is opened again; null when the last answer wrote none.
 */
export function lastAnswerDocument(messages: ReadonlyArray<{ role: string; parts: ReadonlyArray<{ type: string; [k: string]: unknown }> }>): DocumentRef | null {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return null;
  for (let i = last.parts.length - 1; i >= 0; i--) {
    const view = readToolPart(last.parts[i]!);
    if (view?.document && (view.tool === "createDocument" || view.tool === "updateDocument")) return view.document;
  }
  return null;
}
