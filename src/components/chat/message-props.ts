import type { FileUIPart } from "ai";
import type { ArtifactKind, RadiumUIMessage } from "@/lib/chat/contract";
import type { BranchView } from "./branch-switcher";

export type Vote = "up" | "down" | null;

export interface MessageProps {
  message: RadiumUIMessage;
  isStreaming: boolean;
  isLastAssistant: boolean;
  readonly: boolean;
  busy: boolean;
  vote: Vote;
  /** The user stopped this answer (it offers Continue when it is the last one). */
  stopped: boolean;
  modelName?: string;
  /** Set when the message has other versions (edits, regenerations): the switcher shows them. */
  branch?: BranchView;
  onSwitchBranch: (messageId: string) => void;
  onVote: (messageId: string, type: "up" | "down") => void;
  onRegenerate: (messageId: string) => void;
  onContinue: (messageId: string) => void;
  /** An edited message keeps its attachments (`files`). */
  onEdit: (messageId: string, text: string, files?: FileUIPart[]) => void;
  onOpenDocument: (doc: { id: string; title: string; kind: ArtifactKind }) => void;
  titleFor: (id: string) => { title: string; kind: ArtifactKind } | undefined;
}
