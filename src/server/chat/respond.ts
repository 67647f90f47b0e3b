/**
 * POST /api/chat: same-site check → authenticate → validate → check ownership and the daily
 * limit → persist the user's turn (new, edited, or a regeneration) → stream the answer as an AI
 * SDK UI message stream. The assistant message is saved when the stream ends, also when the client stops it.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import {
  consumeStream,
  convertToModelMessages,
  createUIMessageStream,
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  toUIMessageStream,
  type FinishReason,
  type InferUIMessageChunk,
  type LanguageModel,
} from "ai";
import type { RadiumMessageMetadata, RadiumUIMessage } from "@/lib/chat/contract";
import { issuesMessage } from "@/lib/validation-message";
import { getSessionUserFromRequest, lookupProfile } from "@/server/auth";
import { getDb } from "@/server/db";
import { chats } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { ensureUser } from "@/server/users/ensure-user";
import { isCrossSiteRequest } from "@/server/http/origin";
import { problem } from "@/server/http/problem";
import { currentRequest } from "@/server/http/route";
import { logger } from "@/server/log";
import { describeProviderError, INTERRUPTED_MESSAGE } from "@/server/ai/errors";
import { resolveChatModel, type ResolvedChatModel } from "@/server/ai/models";
import { chatInstructions } from "@/server/ai/prompts";
import { generateChatTitle } from "@/server/ai/title";
import { chatTools, type ChatTools } from "@/server/ai/tools";
import { createChat, DEFAULT_CHAT_TITLE } from "./chats";
import { resolveDeploymentModel } from "./deployment-model";
import { ChatError } from "./errors";
import { checkDailyLimit, claimDailyTurn, dailyMessageLimit, limitMessage, releaseDailyTurn, type LimitCheck } from "./limits";
import { saveAssistantMessage } from "./messages";
import { chatRequestSchema, type ChatRequest } from "./request";
import { sanitizeAssistantParts } from "./sanitize";
import { loadTurnSnapshot, writeTurn, type SnapshotMessage } from "./snapshot";

const MAX_STEPS = 5;
const TITLE_WAIT_MS = 1500;

/** Work that outlives the response (saving a stopped answer, a title). Tests and the bench await it. */
const pending = new Set<Promise<unknown>>();
function track<T>(p: Promise<T>): Promise<T> {
  pending.add(p);
  void p.finally(() => pending.delete(p)).catch(() => {});
  return p;
}
/**
 * Answers still being saved, by chat. A stopped answer is saved when the server sees the abort,
 * which can be just after the client is idle again; the chat's next turn (a regenerate or an edit
 * sent at once) waits for that save so it cannot reappear after the turn deleted it.
 */
const answerSaves = new Map<string, Promise<void>>();
const ANSWER_SAVE_WAIT_MS = 5000;

async function previousAnswerSaved(chatId: string): Promise<void> {
  const saving = answerSaves.get(chatId);
  if (saving) await Promise.race([saving, new Promise((r) => setTimeout(r, ANSWER_SAVE_WAIT_MS).unref?.())]);
}

export async function settleChatWork(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

function textOf(parts: Array<{ type: string; text?: string }>): string {
  return parts
    .map((p) => (p.type === "text" ? (p.text ?? "") : ""))
    .join("\n")
    .trim();
}

/** A timestamp after `after` (ms precision), so message order is strict even within one millisecond. */
function after(after: Date | null | undefined, now = Date.now()): Date {
  return new Date(after ? Math.max(now, after.getTime() + 1) : now);
}

async function parseBody(req: Request): Promise<ChatRequest> {
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    throw new ChatError("bad_request", "api", "The request body must be JSON.");
  }
  const parsed = chatRequestSchema.safeParse(json);
  if (!parsed.success) throw new ChatError("bad_request", "api", issuesMessage(parsed.error.issues));
  return parsed.data;
}

interface Turn {
  chatId: string;
  isNewChat: boolean;
  history: RadiumUIMessage[];
  documents: Array<{ id: string; title: string; kind: "text" | "code" | "sheet" }>;
  /** The time of the latest message of the turn: the answer is stored after it. */
  lastAt: Date;
  firstUserText: string | null;
  /**
   * Stores the user's side of the turn (new or edited message, discarded later turns).
   * Started as soon as the turn is decided and awaited before the first chunk of the answer is
   * sent, so it overlaps the model's time to first token instead of adding to it.
   */
  persist: () => Promise<void>;
}

function sliceAt(history: SnapshotMessage[], id: string) {
  return history.findIndex((m) => m.message.id === id);
}

/** Decides the turn from one snapshot read; the writes are returned, not yet done. */
async function prepareTurn(db: Db, userId: string, body: ChatRequest, model: ResolvedChatModel): Promise<Turn> {
  const named = body.trigger === "submit-message" ? body.message.id : (body.messageId ?? null);
  const snap = await loadTurnSnapshot(db, { chatId: body.id, userId, messageId: named });
  let chat = snap.chat;
  if (chat && chat.userId !== userId) {
    throw chat.visibility === "public"
      ? new ChatError("forbidden", "chat", "This is someone else's public chat: you can read it, but not add to it.")
      : new ChatError("not_found", "chat", "Chat not found.");
  }
  if (!chat && body.trigger === "regenerate-message") throw new ChatError("not_found", "chat", "Chat not found.");

  // Over the limit already: answer without queueing on the per-user lock.
  if (snap.usedToday >= dailyMessageLimit()) {
    const limit = await checkDailyLimit(db, userId);
    if (!limit.allowed) throw limitReached(limit);
  }
  if (snap.named && snap.named.chatId !== body.id) {
    throw new ChatError("conflict", "message", "This message id is already used by another chat.");
  }
  // Counted and recorded atomically (concurrent turns cannot all pass); given back if the turn fails.
  const claim = await claimDailyTurn(db, userId, body.id);
  if (!claim.allowed) throw limitReached(claim);
  const refuse = async (error: ChatError) => {
    await releaseDailyTurn(db, claim.turnId);
    return error;
  };

  let isNewChat = false;
  if (!chat) {
    const created = await createChat(db, { id: body.id, userId, model: model.info.id, visibility: body.visibility ?? "private" });
    if (created.chat.userId !== userId) throw await refuse(new ChatError("not_found", "chat", "Chat not found."));
    chat = created.chat;
    isNewChat = created.created;
  }
  const chatId = chat.id;

  let history: SnapshotMessage[];
  let persist: () => Promise<void>;
  if (body.trigger === "submit-message") {
    const message = body.message;
    const stored = { id: message.id, role: "user" as const, parts: message.parts as RadiumUIMessage["parts"] };
    if (snap.named) {
      if (snap.named.role !== "user") throw await refuse(new ChatError("bad_request", "message", "Only your own messages can be edited."));
      // An edit replaces the message and discards every later turn.
      const editedAt = snap.named.createdAt;
      const at = sliceAt(snap.history, message.id);
      history = [...snap.history.slice(0, Math.max(0, at)), { message: stored, createdAt: editedAt }];
      persist = () => writeTurn(db, { userId, chatId, model: model.info.id, edit: { id: message.id, parts: message.parts }, deleteFrom: after(editedAt, 0) });
    } else {
      const createdAt = after(snap.history.at(-1)?.createdAt);
      history = [...snap.history, { message: stored, createdAt }];
      persist = () => writeTurn(db, { userId, chatId, model: model.info.id, insert: { id: message.id, parts: message.parts, createdAt } });
    }
  } else {
    // Regenerate: drop the answer being replaced (and anything after it), then answer again.
    const anchorAt = snap.named ? sliceAt(snap.history, body.messageId ?? "") : -1;
    const lastUserAt = snap.history.map((m) => m.message.role).lastIndexOf("user");
    const anchor = anchorAt >= 0 ? snap.history[anchorAt]! : null;
    const keep = anchor ? (anchor.message.role === "assistant" ? anchorAt : anchorAt + 1) : lastUserAt + 1;
    history = snap.history.slice(0, keep);
    const cut = snap.history[keep];
    persist = () => writeTurn(db, { userId, chatId, model: model.info.id, deleteFrom: cut?.createdAt ?? null });
  }

  if (history.at(-1)?.message.role !== "user") throw await refuse(new ChatError("bad_request", "message", "There is no message to answer."));
  const firstUser = history.find((m) => m.message.role === "user");
  const firstUserText =
    isNewChat || (chat.title === DEFAULT_CHAT_TITLE && history.length === 1) ? textOf(firstUser?.message.parts ?? []) : null;
  return {
    chatId,
    isNewChat,
    history: history.map((m) => m.message),
    documents: snap.documents,
    lastAt: history.at(-1)!.createdAt,
    firstUserText,
    persist: () =>
      persist().catch(async (error: unknown) => {
        await releaseDailyTurn(db, claim.turnId).catch(() => {});
        throw error;
      }),
  };
}

function limitReached(limit: Extract<LimitCheck, { allowed: false }>): ChatError {
  const retryAfter = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
  return new ChatError("rate_limit", "chat", limitMessage(limit), { "retry-after": String(retryAfter) });
}

/** The same model, calling `onCall` when a request to it starts (used to overlap the turn's write). */
function signalWhenCalled(model: LanguageModel, onCall: () => void): LanguageModel {
  if (typeof model !== "object" || model === null || !("doStream" in model)) return model;
  return new Proxy(model, {
    get(target, prop) {
      if (prop === "doStream" || prop === "doGenerate") {
        const fn = Reflect.get(target, prop) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          onCall();
          return fn.apply(target, args);
        };
      }
      return Reflect.get(target, prop);
    },
  });
}

/** Saves a title only while the chat still has the default one (a rename wins). */
async function saveTitle(db: Db, chatId: string, title: string) {
  await db
    .update(chats)
    .set({ title })
    .where(and(eq(chats.id, chatId), eq(chats.title, DEFAULT_CHAT_TITLE)));
}

/** The request's logger (every line carries its request id), or the root one outside a request. */
const log = () => currentRequest()?.log ?? logger;

export async function handleChatRequest(req: Request): Promise<Response> {
  // CSRF: a cross-site form can post text/plain JSON with the victim's cookie; refuse it first.
  if (isCrossSiteRequest(req)) return new ChatError("forbidden", "api", "Cross-site requests cannot send chat messages.").toResponse(req);
  try {
    // Authenticate before reading the body, so a signed-out caller learns nothing about its shape.
    const user = await getSessionUserFromRequest(req);
    if (!user) throw new ChatError("unauthorized", "auth", "Sign in to chat.");
    const body = await parseBody(req);
    const db = await getDb();
    const model = resolveChatModel(body.model) ?? (await resolveDeploymentModel(db, user.id, body.model));
    if (!model) throw new ChatError("bad_request", "model", `model: Unknown model "${body.model}". Pick one from the model selector.`);

    if (await ensureUser(db, user, lookupProfile)) kickOutbox();
    await previousAnswerSaved(body.id);
    const turn = await prepareTurn(db, user.id, body, model);
    return streamAnswer({ db, req, userId: user.id, model, turn });
  } catch (error) {
    if (error instanceof ChatError) return error.toResponse(req);
    log().error({ err: error }, "chat request failed");
    return problem(req, {
      status: 500,
      title: "Internal Server Error",
      detail: "The chat request failed on the server. Please try again.",
      extensions: { code: "internal:api" },
    });
  }
}

async function streamAnswer(opts: { db: Db; req: Request; userId: string; model: ResolvedChatModel; turn: Turn }): Promise<Response> {
  const { db, req, userId, model, turn } = opts;
  const { chatId } = turn;
  const assistantId = crypto.randomUUID();
  const startedAt = after(turn.lastAt);
  const metadata: RadiumMessageMetadata = {
    model: model.info.id,
    offline: model.info.offline,
    createdAt: startedAt.toISOString(),
    ...(model.deployment ? { deployment: model.deployment } : {}),
  };
  const modelMessages = await convertToModelMessages(turn.history, { ignoreIncompleteToolCalls: true });
  const instructions = chatInstructions({ documents: turn.documents });
  // The user's turn is written while the model works on its first token: the write starts once
  // the model request is under way (or after a few ms at most), and nothing is sent to the client
  // before it has finished. A failed write stops the model.
  const stopModel = new AbortController();
  let modelStarted!: () => void;
  const started = new Promise<void>((resolve) => {
    modelStarted = resolve;
    setTimeout(resolve, 25);
  });
  const persisted = started
    .then(() => turn.persist())
    .then(
      () => null,
      (error: unknown) => {
        stopModel.abort(error);
        return error;
      },
    );

  const title = turn.firstUserText
    ? track(
        generateChatTitle(model.model, turn.firstUserText).then(async (t) => {
          await saveTitle(db, chatId, t);
          return t;
        }),
      )
    : null;

  // Registered before streaming starts, so waiting for chat work also waits for a stopped answer's save.
  let answerSaved!: () => void;
  const saving = track(
    new Promise<void>((resolve) => {
      answerSaved = resolve;
      setTimeout(resolve, 120_000).unref?.();
    }),
  );
  answerSaves.set(chatId, saving);
  void saving.then(() => {
    if (answerSaves.get(chatId) === saving) answerSaves.delete(chatId);
  });

  const stream = createUIMessageStream<RadiumUIMessage>({
    originalMessages: turn.history,
    onError: describeProviderError,
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageId: assistantId, messageMetadata: metadata });
      const result = streamText({
        model: signalWhenCalled(model.model, modelStarted),
        instructions,
        messages: modelMessages,
        // A deployment that cannot call tools (the offline simulator) gets none: it would refuse the request.
        tools: model.tools === false ? undefined : chatTools({ db, userId, chatId, writer, model: model.model }),
        stopWhen: isStepCount(MAX_STEPS),
        abortSignal: AbortSignal.any([req.signal, stopModel.signal]),
        maxRetries: 1,
        onError: ({ error }) => log().warn({ err: error }, `chat model error: ${describeProviderError(error)}`),
      });
      // The model stream is pulled from now on (into a buffer), so the model starts working while
      // the user's message is written; nothing reaches the client before that write has finished.
      const buffered = toUIMessageStream<ChatTools, RadiumUIMessage>({
        stream: result.stream,
        sendStart: false,
        sendFinish: false,
        onError: describeProviderError,
        // Tool errors ("Document not found…") are already meant for people and the model: keep them.
        redactToolErrors: false,
      }).pipeThrough(new TransformStream<InferUIMessageChunk<RadiumUIMessage>, InferUIMessageChunk<RadiumUIMessage>>(undefined, { highWaterMark: 10_000 }));
      const persistError = await persisted;
      if (persistError) {
        log().error({ err: persistError }, "chat: could not save the message");
        await buffered.cancel().catch(() => {});
        writer.write({ type: "error", errorText: "Your message could not be saved, so it was not sent. Please try again." });
        writer.write({ type: "finish" });
        return;
      }
      // Pumped here rather than merged, so a stream that fails mid-way (a dropped connection)
      // still ends with a readable error chunk before the finish chunk.
      const reader = buffered.getReader();
      let failed = false;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          writer.write(value);
        }
      } catch (error) {
        failed = true;
        writer.write({ type: "error", errorText: describeProviderError(error) });
      }
      const finishReason: FinishReason | undefined = failed ? undefined : await Promise.resolve(result.finishReason).catch(() => undefined);
      if (finishReason === "interrupted") writer.write({ type: "error", errorText: INTERRUPTED_MESSAGE });
      if (title) {
        // The answer is complete: wait only briefly for the title (a slow provider must not keep
        // the chat "streaming"); a late title is still saved and shows on the next history load.
        const t = await Promise.race([title.catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), TITLE_WAIT_MS))]);
        if (t) writer.write({ type: "data-chat-title", data: { chatId, title: t }, transient: true });
      }
      writer.write({ type: "finish", ...(finishReason ? { finishReason } : {}) });
    },
    onEnd: async ({ responseMessage }) => {
      try {
        const parts = sanitizeAssistantParts(responseMessage.parts);
        if (parts.length > 0) {
          await saveAssistantMessage(db, chatId, { id: responseMessage.id, parts, metadata: { ...metadata } }, startedAt);
        }
      } catch (error) {
        log().error({ err: error }, "chat: could not save the answer");
      } finally {
        answerSaved();
      }
    },
  });

  return createUIMessageStreamResponse({ stream, consumeSseStream: consumeStream });
}
