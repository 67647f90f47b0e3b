/** OpenAI chat fine-tuning lines: `{"messages":[{role, content, weight?}, …], "tools"?, "parallel_tool_calls"?}`. */
import { isPlainObject, kindOf, quote, toJson } from "./describe";
import type { LineIssues } from "./issue-log";
import { checkMessageList, type MessageList, type MessageListSpec } from "./message-list";

const LINE_KEYS = new Set(["messages", "tools", "parallel_tool_calls"]);

const MESSAGES: MessageListSpec = {
  rule: "messages",
  noun: "message",
  keys: new Set(["role", "content", "name", "weight", "tool_calls", "tool_call_id"]),
  roles: ["system", "user", "assistant", "tool"],
  roleSet: new Set(["system", "user", "assistant", "tool"]),
  tools: true,
};

export function checkChatLine(value: unknown, issues: LineIssues): MessageList | null {
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
  const extras: string[] = [];
  const tools = value.tools;
  if (tools !== undefined) {
    const json = Array.isArray(tools) && tools.every(isPlainObject) ? toJson(tools) : undefined;
    if (json === undefined) issues.error("messages", `"tools" must be a list of objects`);
    else if (json === null) issues.error("messages", `"tools" is nested too deeply`);
    else extras.push(json);
  }
  const parallel = value.parallel_tool_calls;
  if (parallel !== undefined && typeof parallel !== "boolean") {
    issues.error("messages", `"parallel_tool_calls" is ${kindOf(parallel)}, not true or false`);
  }
  const list = checkMessageList(value.messages, "messages", MESSAGES, issues);
  if (!list || issues.errors > 0) return null;
  if (extras.length > 0) list.extras.unshift(...extras);
  return list;
}
