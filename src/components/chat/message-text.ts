import { joinContinuedText } from "@/lib/chat/continued-text";
import type { RadiumUIMessage } from "@/lib/chat/contract";

/** A message's text as the user reads it (a continued answer's halves joined), for Copy and Retry. */
export function messageText(message: RadiumUIMessage): string {
  return joinContinuedText(message.parts)
    .map((p) => (p.type === "text" ? p.text : ""))
    .filter(Boolean)
    .join("\n\n");
}
