/**
 * The rules every JSONL example's message list follows, whichever format it comes in: an OpenAI chat line's
 * `messages` or a conversation line's `turns`. Each rule is reported once per line (see LineIssues).
 */
import { isBlank, isPlainObject, isWellFormedText, kindOf, quote, toJson } from "./describe";
import type { ExampleMessage } from "./example";
import type { LineIssues } from "./issue-log";
import type { DatasetRole } from "./types";

export interface MessageListSpec {
  /** The rule structural problems are reported under. */
  rule: "messages" | "turns";
  /** What the file calls one entry, for messages: "Message 3 has no role". */
  noun: string;
  keys: ReadonlySet<string>;
  roles: readonly DatasetRole[];
  /** The same roles, for a fast check on every message. */
  roleSet: ReadonlySet<string>;
  /** Tool calls (assistant `tool_calls`, `tool` messages answering them with a `tool_call_id`). */
  tools: boolean;
}

export interface MessageList {
  messages: ExampleMessage[];
  extras: string[];
}

function isRole(value: unknown, spec: MessageListSpec): value is DatasetRole {
  return typeof value === "string" && spec.roleSet.has(value);
}

/** "Message 3 (user)"; built only when there is something to report, not for every message. */
function label(noun: string, index: number, role: DatasetRole | null): string {
  const name = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${index + 1}`;
  return role === null ? name : `${name} (${role})`;
}

/** The list's messages when every rule passed; null (with the issues reported) otherwise. */
export function checkMessageList(
  list: unknown,
  field: string,
  spec: MessageListSpec,
  issues: LineIssues,
): MessageList | null {
  const { rule, noun } = spec;
  if (list === undefined) {
    issues.error(rule, `No ${quote(field)} list`);
    return null;
  }
  if (!Array.isArray(list)) {
    issues.error(rule, `${quote(field)} is ${kindOf(list)}, not a list`);
    return null;
  }
  if (list.length === 0) {
    issues.error(rule, `${quote(field)} is empty`);
    return null;
  }
  const errorsBefore = issues.errors;
  const messages: ExampleMessage[] = [];
  const extras: string[] = [];
  let assistants = 0;
  let trainedAssistants = 0;
  let badRoles = 0;
  for (let i = 0; i < list.length; i++) {
    const m: unknown = list[i];
    if (!isPlainObject(m)) {
      issues.error(rule, `${label(noun, i, null)} is ${kindOf(m)}, not an object`);
      continue;
    }
    for (const key in m) {
      if (!spec.keys.has(key)) {
        issues.error(
          "unknown-key",
          `${label(noun, i, null)} has an unknown key ${quote(key)} (allowed: ${[...spec.keys].join(", ")})`,
        );
        break;
      }
    }
    const role = isRole(m.role, spec) ? m.role : null;
    if (role === null) {
      const got =
        m.role === undefined ? "no role" : `role ${typeof m.role === "string" ? quote(m.role) : kindOf(m.role)}`;
      issues.error("role", `${label(noun, i, null)} has ${got}; expected ${spec.roles.join(", ")}`);
      badRoles++;
    }
    let toolCallsValid = false;
    if (spec.tools && m.tool_calls !== undefined) {
      const calls = m.tool_calls;
      if (role !== "assistant")
        issues.error(rule, `${label(noun, i, role)} has tool_calls; only assistant messages make tool calls`);
      else if (!Array.isArray(calls) || calls.length === 0 || !calls.every(isPlainObject)) {
        issues.error(rule, `${label(noun, i, role)} tool_calls must be a non-empty list of objects`);
      } else {
        // Well-formed calls make the content optional even if their JSON is too deep to count (its own error).
        toolCallsValid = true;
        const json = toJson(calls);
        if (json === null) issues.error(rule, `${label(noun, i, role)} tool_calls are nested too deeply`);
        else extras.push(json);
      }
    }
    if (spec.tools) {
      const id = m.tool_call_id;
      if (role === "tool" && (typeof id !== "string" || id === "")) {
        issues.error(rule, `${label(noun, i, role)} needs a tool_call_id naming the call it answers`);
      } else if (role !== null && role !== "tool" && id !== undefined) {
        issues.error(rule, `${label(noun, i, role)} has a tool_call_id; only tool messages answer a call`);
      }
    }
    // An assistant message that only calls tools may leave its content out.
    const contentOptional = toolCallsValid;
    const content = m.content;
    let text = "";
    if (content === undefined || content === null) {
      if (!contentOptional) issues.error("content", `${label(noun, i, role)} has no content`);
    } else if (typeof content !== "string") {
      issues.error("content", `${label(noun, i, role)} content is ${kindOf(content)}, not a string`);
    } else if (!contentOptional && isBlank(content)) {
      issues.error("content", `${label(noun, i, role)} has empty content`);
    } else if (!isWellFormedText(content)) {
      issues.error(
        "encoding",
        `${label(noun, i, role)} content has a lone surrogate (an unpaired \\ud800-\\udfff escape), not valid Unicode`,
      );
    } else {
      text = content;
    }
    const weight = m.weight;
    if (weight !== undefined) {
      if (role !== null && role !== "assistant") {
        issues.error("weight", `${label(noun, i, role)} has a weight; only assistant messages take one`);
      }
      if (weight !== 0 && weight !== 1) {
        const got = typeof weight === "number" ? String(weight) : kindOf(weight);
        issues.error("weight", `${label(noun, i, role)} has weight ${got}; only 0 or 1 are allowed`);
      }
    }
    const name = m.name;
    if (name !== undefined) {
      if (typeof name !== "string" || isBlank(name))
        issues.error(rule, `${label(noun, i, role)} name must be a non-empty string`);
      else if (!isWellFormedText(name))
        issues.error("encoding", `${label(noun, i, role)} name has a lone surrogate, not valid Unicode`);
    }
    if (role === "assistant") {
      assistants++;
      if (weight !== 0) trainedAssistants++;
    }
    if (role === null) continue;
    const message: ExampleMessage = { role, content: text };
    if (typeof name === "string") message.name = name;
    if (weight === 0 || weight === 1) message.weight = weight;
    messages.push(message);
  }
  // A message with a bad role may have meant to be the assistant's: one error for it is enough.
  if (assistants === 0 && badRoles === 0) {
    issues.error("no-assistant", `No assistant ${noun}; an example needs at least one to learn from`);
  }
  if (issues.errors > errorsBefore) return null;
  if (trainedAssistants === 0) {
    issues.warning("weight", `Every assistant ${noun} has weight 0, so this example trains nothing`);
  }
  return { messages, extras };
}
