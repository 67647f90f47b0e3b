/**
 * The conversation format of seed 003 (its validator checks "conversation_id, turns array, roles"):
 * `{"conversation_id": "…", "turns": [{role, content, weight?}, …], "metadata"?: {…}}`.
 */
import { isPlainObject, kindOf, quote } from "./describe";
import type { LineIssues } from "./issue-log";
import { checkMessageList, type MessageList, type MessageListSpec } from "./message-list";

const LINE_KEYS = new Set(["conversation_id", "turns", "metadata"]);

const TURNS: MessageListSpec = {
  rule: "turns",
  noun: "turn",
  keys: new Set(["role", "content", "weight"]),
  roles: ["system", "user", "assistant"],
  roleSet: new Set(["system", "user", "assistant"]),
  tools: false,
};

export function checkConversationLine(value: unknown, issues: LineIssues): MessageList | null {
  if (!isPlainObject(value)) {
    issues.error("not-object", `The line is ${kindOf(value)}, not a JSON object`);
    return null;
  }
  for (const key in value) {
    if (!LINE_KEYS.has(key)) {
      issues.error("unknown-key", `Unknown key ${quote(key)} (allowed: ${[...LINE_KEYS].join(", ")})`);
      break;
    }
  }
  const id = value.conversation_id;
  if (id === undefined) issues.error("turns", `No "conversation_id"`);
  else if (!((typeof id === "string" && id.trim() !== "") || (typeof id === "number" && Number.isFinite(id)))) {
    issues.error("turns", `"conversation_id" is ${kindOf(id)}; expected a non-empty string or a number`);
  }
  const metadata = value.metadata;
  if (metadata !== undefined && !isPlainObject(metadata)) {
    issues.error("turns", `"metadata" is ${kindOf(metadata)}, not an object`);
  }
  const list = checkMessageList(value.turns, "turns", TURNS, issues);
  if (!list || issues.errors > 0) return null;
  return list;
}
