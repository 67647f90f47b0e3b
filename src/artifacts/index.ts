/** The artifact kinds the panel knows. Adding a kind: a folder with client.tsx, and one line here. */
import type { ArtifactKind } from "@/lib/chat/contract";
import { codeArtifact } from "./code/client";
import { sheetArtifact } from "./sheet/client";
import { textArtifact } from "./text/client";
import type { ArtifactDefinition } from "./types";

export const ARTIFACTS: Record<ArtifactKind, ArtifactDefinition> = {
  text: textArtifact,
  code: codeArtifact,
  sheet: sheetArtifact,
};
