/** What each artifact kind plugs into the panel: its editor and its kind-specific prompts. */
import type { ComponentType } from "react";
import type { ArtifactKind } from "@/lib/chat/contract";

export interface OpenSuggestion {
  id: string;
  documentCreatedAt: Date;
  originalText: string;
  suggestedText: string;
  description: string;
}

export interface ArtifactEditorProps {
  /** Current content (streamed, saved, a draft, or an older version). */
  content: string;
  title: string;
  /** Null when the content cannot be edited (streaming, older version, not the owner). */
  onChange: ((content: string) => void) | null;
  isStreaming: boolean;
  /** Open suggestions to show inline (only when viewing the latest version). */
  suggestions: OpenSuggestion[];
  /** Null for viewers who may not resolve suggestions. */
  onResolveSuggestion: ((id: string, action: "apply" | "dismiss") => void) | null;
}

export interface ArtifactPrompt {
  label: string;
  /** The chat message it sends, given the document title. */
  message: (title: string) => string;
}

export interface ArtifactDefinition {
  kind: ArtifactKind;
  label: string;
  prompts: ArtifactPrompt[];
  /** Whether the version diff view applies. */
  diffable: boolean;
  Editor: ComponentType<ArtifactEditorProps>;
}
