/**
 * What every artifact kind is called and drawn as, wherever a document is named (tool cards in the
 * chat, the panel's header). Light on purpose: the editors (index.ts) load only with the panel.
 */
import { Code2, FileText, type LucideIcon, Table2 } from "lucide-react";
import type { ArtifactKind } from "@/lib/chat/contract";

export const ARTIFACT_KIND_META: Record<ArtifactKind, { label: string; icon: LucideIcon }> = {
  text: { label: "Document", icon: FileText },
  code: { label: "Code", icon: Code2 },
  sheet: { label: "Sheet", icon: Table2 },
};
