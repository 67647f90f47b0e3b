/**
 * Makes a (possibly cut-short) assistant message safe to store and to send back to a model:
 * streaming text is marked done, tool calls that never got a result become errors (a tool call
 * without a result is rejected by providers on the next turn), transient bits are dropped.
 */
type Part = { type: string; [key: string]: unknown };

export const STOPPED_TOOL_ERROR = "Stopped before the tool finished.";

export function sanitizeAssistantParts(parts: ReadonlyArray<Part>): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    if (part.type === "text" || part.type === "reasoning") {
      if (typeof part.text === "string" && part.text.length > 0) out.push({ ...part, state: "done" });
      continue;
    }
    if (part.type.startsWith("tool-") || part.type === "dynamic-tool") {
      const state = part.state;
      if (state === "output-available" || state === "output-error" || state === "output-denied") {
        out.push(part);
        continue;
      }
      const { rawInput: _raw, ...rest } = part;
      void _raw;
      out.push({ ...rest, state: "output-error", input: part.input ?? {}, errorText: STOPPED_TOOL_ERROR });
      continue;
    }
    if (part.type.startsWith("data-")) continue; // data parts are streamed, not stored
    out.push(part);
  }
  // Nothing but step markers is an empty answer.
  return out.some((p) => p.type !== "step-start") ? out : [];
}
