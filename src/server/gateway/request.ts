/**
 * The chat completions request: read with a size cap (413), parsed as JSON (400), validated with
 * zod. Only the parameters we know travel on; unknown ones are dropped, as the upstreams would
 * otherwise see fields nobody vetted.
 */
import { z } from "zod";
import { type GatewayError, errors } from "./errors";
import { readCappedBytes } from "@/server/http/read-capped";

const text = z.string().max(1_000_000);

const contentPart = z.union([
  z.object({ type: z.literal("text"), text }),
  z.object({ type: z.literal("image_url"), image_url: z.object({ url: z.string().max(20_000_000), detail: z.string().optional() }) }),
  z.object({ type: z.literal("input_audio"), input_audio: z.object({ data: z.string(), format: z.string() }) }),
]);

const toolCall = z.object({
  id: z.string().max(200),
  type: z.literal("function"),
  function: z.object({ name: z.string().max(200), arguments: z.string() }),
});

const message = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: z.union([text, z.array(contentPart)]), name: z.string().max(200).optional() }),
  z.object({ role: z.literal("developer"), content: z.union([text, z.array(contentPart)]), name: z.string().max(200).optional() }),
  z.object({ role: z.literal("user"), content: z.union([text, z.array(contentPart)]), name: z.string().max(200).optional() }),
  z.object({
    role: z.literal("assistant"),
    content: z.union([text, z.array(contentPart)]).nullish(),
    tool_calls: z.array(toolCall).optional(),
    name: z.string().max(200).optional(),
    refusal: z.string().nullish(),
  }),
  z.object({ role: z.literal("tool"), content: z.union([text, z.array(contentPart)]), tool_call_id: z.string().max(200) }),
]);
export type ChatMessage = z.infer<typeof message>;

const tool = z.object({
  type: z.literal("function"),
  function: z.object({
    name: z.string().min(1).max(64),
    description: z.string().max(10_000).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

export const chatRequestSchema = z.object({
  model: z.string({ error: "model is required." }).min(1, { error: "model is required." }).max(200),
  messages: z.array(message).min(1, { error: "messages must hold at least one message." }).max(2000),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  seed: z.number().int().nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  logit_bias: z.record(z.string(), z.number()).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  tools: z.array(tool).max(128).nullish(),
  tool_choice: z
    .union([z.enum(["none", "auto", "required"]), z.object({ type: z.literal("function"), function: z.object({ name: z.string() }) })])
    .nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: z
    .union([
      z.object({ type: z.literal("text") }),
      z.object({ type: z.literal("json_object") }),
      z.object({
        type: z.literal("json_schema"),
        json_schema: z.object({
          name: z.string().max(64),
          description: z.string().optional(),
          schema: z.record(z.string(), z.unknown()).optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    ])
    .nullish(),
  user: z.string().max(256).nullish(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** The body, at most `maxBytes` (a chunked body is counted as it arrives and cut off past the cap). */
/**
 * What the gateway reads of a request: a web Request, or the fast path's lighter equivalent whose
 * body it has already read within the cap (building a web Request cost more than the rest of the
 * gateway's own work).
 */
export type GatewayRequest =
  | Request
  | {
      readonly method: string;
      readonly url: string;
      readonly headers: Pick<Headers, "get" | "set">;
      readonly signal: AbortSignal;
      readonly bodyText: string;
    };

export function readBody(req: GatewayRequest, maxBytes: number): Promise<string | GatewayError> | string {
  return "bodyText" in req ? req.bodyText : readCapped(req, maxBytes);
}

export async function readCapped(req: Request, maxBytes: number): Promise<string | GatewayError> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return errors.tooLarge(maxBytes);
  if (!req.body) return "";
  if (Number.isFinite(declared)) {
    // A declared length within the cap: read it whole (the runtime stops at the declared length).
    const bytes = Buffer.from(await req.arrayBuffer());
    return bytes.byteLength > maxBytes ? errors.tooLarge(maxBytes) : bytes.toString("utf8");
  }
  const bytes = await readCappedBytes(req.body, maxBytes);
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") : errors.tooLarge(maxBytes);
}

/** A zod issue as OpenAI words it: the parameter's path and what is wrong with it. */
function issueError(issue: z.core.$ZodIssue): GatewayError {
  const param = issue.path.map(String).join(".") || null;
  const message = param ? `Invalid value for '${param}': ${issue.message}` : issue.message;
  return errors.invalidParam(param ?? "body", message);
}

export function parseChatRequest(raw: string): ChatRequest | GatewayError {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return errors.invalidJson();
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return errors.invalidParam("body", "The request body must be a JSON object.");
  const parsed = chatRequestSchema.safeParse(json);
  if (!parsed.success) return issueError(parsed.error.issues[0]!);
  return parsed.data;
}

/** The text a message carries (text parts only), for counting tokens and logging. */
export function messageText(m: ChatMessage): string {
  const c = m.content;
  if (typeof c === "string") return c;
  if (!c) return m.role === "assistant" && m.tool_calls ? m.tool_calls.map((t) => `${t.function.name}(${t.function.arguments})`).join("\n") : "";
  return c.map((p) => (p.type === "text" ? p.text : "")).join("");
}
