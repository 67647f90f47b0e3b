import type { FileUIPart } from "ai";
import { joinContinuedText } from "@/lib/chat/continued-text";
import type { RadiumUIMessage } from "@/lib/chat/contract";

/** A message's text as the user reads it (a continued answer's halves joined), for Copy and Retry. */
export function messageText(message: RadiumUIMessage): string {
  return joinContinuedText(message.parts)
    .map((p) => (p.type === "text" ? p.text : ""))
    .filter(Boolean)
    .join("\n\n");
}

/** A message's attachments, kept when it is edited or sent again. */
export function messageFiles(message: RadiumUIMessage): FileUIPart[] {
  return message.parts.filter((p): p is FileUIPart => p.type === "file");
}
