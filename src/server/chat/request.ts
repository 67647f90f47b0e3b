/** The POST /api/chat body (ChatRequestBody in contract.ts), validated with zod. */
import { z } from "zod";
import { attachmentIdOf, MAX_ATTACHMENTS, MAX_FILENAME_CHARS, TOO_MANY_MESSAGE } from "@/lib/chat/attachments";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/contract";
import { safeText } from "@/lib/zod/text";

export const MAX_MESSAGE_PARTS = 20;

const textPart = z.object({ type: z.literal("text"), text: safeText() });

/**
 * An attachment uploaded to /api/chat/attachments: the url names it (nothing else is fetched); its
 * type and name are replaced by the server's record of it (attachment-parts.ts).
 */
const filePart = z.object({
  type: z.literal("file"),
  url: z.string().refine((url) => attachmentIdOf(url) !== null, { error: "Attach files by uploading them: the url must be /api/chat/attachments/<id>." }),
  mediaType: safeText().max(200),
  filename: safeText().max(MAX_FILENAME_CHARS * 4).optional(),
});

const part = z.discriminatedUnion("type", [textPart, filePart], { error: "Only text and file parts are supported." });

const userMessage = z
  .object({
    id: safeText().trim().min(1).max(200),
    role: z.literal("user"),
    parts: z
      .array(part)
      .min(1, "A message needs at least one part.")
      .max(MAX_MESSAGE_PARTS, `A message can have at most ${MAX_MESSAGE_PARTS} parts.`),
    metadata: z.unknown().optional(),
  })
  .superRefine((m, ctx) => {
    const length = m.parts.reduce((n, p) => n + (p.type === "text" ? p.text.length : 0), 0);
    if (length > MAX_MESSAGE_CHARS) {
      ctx.addIssue({
        code: "custom",
        path: ["parts"],
        message: `The message is ${length.toLocaleString("en-US")} characters long; the limit is ${MAX_MESSAGE_CHARS.toLocaleString("en-US")}.`,
      });
    }
    // Files alone are a message; without any, there must be some text.
    const files = m.parts.filter((p) => p.type === "file");
    if (files.length === 0 && m.parts.every((p) => p.type === "text" && p.text.trim() === "")) {
      ctx.addIssue({ code: "custom", path: ["parts"], message: "The message is empty." });
    }
    if (files.length > MAX_ATTACHMENTS) ctx.addIssue({ code: "custom", path: ["parts"], message: TOO_MANY_MESSAGE });
    if (new Set(files.map((f) => f.url)).size < files.length) ctx.addIssue({ code: "custom", path: ["parts"], message: "The same file is attached twice." });
  });

const common = {
  id: z.uuid("The chat id must be a UUID."),
  messageId: safeText().min(1).max(200).optional(),
  model: safeText().trim().min(1, "Choose a model.").max(200),
  visibility: z.enum(["private", "public"]).optional(),
};

/** A new or edited user message; a regeneration; or the continuation of a stopped answer (a message, if sent, is ignored). */
export const chatRequestSchema = z.discriminatedUnion(
  "trigger",
  [
    z.object({ ...common, trigger: z.literal("submit-message"), message: userMessage }),
    z.object({ ...common, trigger: z.literal("regenerate-message"), message: z.unknown().optional() }),
    z.object({
      ...common,
      trigger: z.literal("continue-message"),
      messageId: safeText().min(1, "messageId: Name the stopped answer to continue.").max(200),
      continueFrom: z.number().int().min(0).max(10_000_000).optional(),
      message: z.unknown().optional(),
    }),
  ],
  { error: 'trigger: Expected "submit-message", "regenerate-message" or "continue-message".' },
);

export type ChatRequest = z.infer<typeof chatRequestSchema>;
