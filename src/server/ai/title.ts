import { generateText, type LanguageModel } from "ai";
import { greetingTitle, offlineTitle } from "./offline/answers";
import { TITLE_INSTRUCTIONS } from "./prompts";

const MAX_TITLE = 80;
/** Titles that name no chat in particular: a model's answer like these is replaced. */
const PLACEHOLDER = /^(new chat|untitled( chat)?|chat|greeting|greetings)$/i;

export function cleanTitle(raw: string): string {
  const line = raw.split("\n").find((l) => l.trim()) ?? "";
  const title = line
    .replace(/^\s*(title|chat title)\s*:\s*/i, "")
    .replace(/^[\s"'“”‘’*#]+|[\s"'“”‘’*.!?:;,]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, "")}…` : title;
}

/**
 * A short title for a new chat from its first message. Falls back to one made from the message
 * itself when the model fails or answers with nothing usable, so a provider error never leaves
 * the chat untitled.
 */
export async function generateChatTitle(model: LanguageModel, firstMessage: string): Promise<string> {
  try {
    const { text } = await generateText({
      model,
      instructions: TITLE_INSTRUCTIONS,
      prompt: firstMessage.slice(0, 2000),
      maxRetries: 0,
      maxOutputTokens: 30,
      abortSignal: AbortSignal.timeout(15_000),
    });
    const title = cleanTitle(text);
    // A model asked to title "hi" may answer with the placeholder itself, which says nothing.
    if (title && !PLACEHOLDER.test(title)) return title;
  } catch {
    // fall through to the heuristic title
  }
  return cleanTitle(offlineTitle(firstMessage)) || greetingTitle(firstMessage, new Date());
}
