/**
 * The answer to a chat turn as an AI SDK UI message stream. The model is called at once, while
 * the caller writes the user's side of the turn; nothing of the answer is read from the model (so
 * no tool runs) until that write is known, and the first text delta is passed on as soon as both
 * exist. The title of a new chat is asked for with the answer and sent once the first words are
 * out (answer-title.ts). The answer is saved once the model has finished (answer-save.ts), or
 * when the stream ends if the client stopped it.
 */
import "server-only";
import {
  consumeStream,
  convertToModelMessages,
  createUIMessageStream,
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  toUIMessageStream,
  type FinishReason,
} from "ai";
import type { RadiumMessageMetadata, RadiumUIMessage } from "@/lib/chat/contract";
import { joinContinuedText } from "@/lib/chat/continued-text";
import { describeProviderError, INTERRUPTED_MESSAGE } from "@/server/ai/errors";
import { joinTextBursts } from "@/server/ai/join-text-bursts";
import type { ResolvedChatModel } from "@/server/ai/models";
import { offlineTaskOptions } from "@/server/ai/offline/task";
import { chatInstructions, CONTINUE_INSTRUCTION } from "@/server/ai/prompts";
import { chatTools, type ChatTools } from "@/server/ai/tools";
import type { Db } from "@/server/db/types";
import { currentRequest } from "@/server/http/route";
import { logger } from "@/server/log";
import { attachmentsForModel } from "./attachment-parts";
import { AnswerSave } from "./answer-save";
import { AnswerTitle } from "./answer-title";
import { answerSaving } from "./chat-work";
import { coalesceBursts } from "./coalesce";
import { saveAssistantMessage } from "./messages";
import { sanitizeAssistantParts } from "./sanitize";
import type { TurnTimer } from "./timing";
import { after, type Turn } from "./turn";

const MAX_STEPS = 5;
/** After the answer, a title still being written is waited for this long at most. */
const TITLE_WAIT_MS = 1500;

/** The request's logger (every line carries its request id), or the root one outside a request. */
const log = () => currentRequest()?.log ?? logger;

export interface PendingAnswer {
  /** The turn is written: the answer may flow. Returns the streaming response. */
  respond(headers: Record<string, string>): Response;
  /** The turn was not written: the model is stopped and nothing is saved. */
  drop(): void;
}

export async function startAnswer(opts: { db: Db; req: Request; userId: string; model: ResolvedChatModel; turn: Turn; timer: TurnTimer }): Promise<PendingAnswer> {
  const { db, req, userId, model, turn, timer } = opts;
  const { chatId } = turn;
  // A continuation carries on the stopped answer under its id and time; the stream extends it.
  const assistantId = turn.continues?.id ?? crypto.randomUUID();
  const startedAt = turn.continues?.createdAt ?? after(turn.lastAt);
  const metadata: RadiumMessageMetadata = {
    model: model.info.id,
    offline: model.info.offline,
    createdAt: startedAt.toISOString(),
    ...(model.deployment ? { deployment: model.deployment } : {}),
    ...(turn.continues ? { stopped: false } : {}),
  };
  const forModel = await attachmentsForModel(db, userId, turn.history, { images: model.info.images === true });
  const modelMessages = await convertToModelMessages(forModel, { ignoreIncompleteToolCalls: true });
  if (turn.continues) modelMessages.push({ role: "user", content: CONTINUE_INSTRUCTION });
  const instructions = chatInstructions({ documents: turn.documents });

  const answerSave = new AnswerSave(async (message, stopped) => {
    const parts = sanitizeAssistantParts(joinContinuedText(message.parts));
    if (parts.length === 0) return;
    const saved = { id: message.id, parts, metadata: { ...metadata, ...(stopped ? { stopped: true } : {}) } };
    // The answer follows the turn's last message (a continued answer keeps its place).
    await saveAssistantMessage(db, chatId, saved, startedAt, turn.continues ? null : (turn.history.at(-1)?.id ?? null));
  });

  let settle!: (written: boolean) => void;
  const written = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  const stopModel = new AbortController();
  let answerSaved: (() => void) | undefined;
  const title = new AnswerTitle({ db, chatId, model: model.model, firstUserText: turn.firstUserText, written, timer, log });

  const stream = createUIMessageStream<RadiumUIMessage>({
    originalMessages: turn.history,
    onError: describeProviderError,
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageId: assistantId, messageMetadata: metadata });
      const result = streamText({
        model: model.model,
        instructions,
        messages: modelMessages,
        // A deployment that cannot call tools (the offline simulator) gets none: it would refuse the request.
        tools: model.tools === false ? undefined : chatTools({ db, userId, chatId, writer, model: model.model }),
        stopWhen: isStepCount(MAX_STEPS),
        // A fast model's burst of deltas travels on as one, but for its first (join-text-bursts.ts).
        experimental_transform: () => joinTextBursts<ChatTools>(),
        ...(turn.continues ? { providerOptions: offlineTaskOptions("continue") } : {}),
        abortSignal: AbortSignal.any([req.signal, stopModel.signal]),
        maxRetries: 1,
        onLanguageModelCallStart: () => timer.at("model-call"),
        onError: ({ error }) => log().warn({ err: error }, `chat model error: ${describeProviderError(error)}`),
      });
      title.ask();
      if (!(await written)) return;
      const sendTitle = (t: string) => writer.write({ type: "data-chat-title", data: { chatId, title: t }, transient: true });
      let wordsOut = false;
      // Pumped here rather than merged, so a stream that fails mid-way (a dropped connection)
      // still ends with a readable error chunk before the finish chunk.
      const reader = toUIMessageStream<ChatTools, RadiumUIMessage>({
        stream: result.stream,
        sendStart: false,
        sendFinish: false,
        onError: describeProviderError,
        // Tool errors ("Document not found…") are already meant for people and the model: keep them.
        redactToolErrors: false,
      }).getReader();
      let failed = false;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          writer.write(value);
          if (value.type === "text-delta" && !wordsOut) {
            wordsOut = true;
            timer.at("first-text");
            title.open(sendTitle);
          }
        }
      } catch (error) {
        failed = true;
        writer.write({ type: "error", errorText: describeProviderError(error) });
      }
      title.open(sendTitle); // an answer without text still titles its chat
      const finishReason: FinishReason | undefined = failed ? undefined : await Promise.resolve(result.finishReason).catch(() => undefined);
      if (finishReason === "interrupted") writer.write({ type: "error", errorText: INTERRUPTED_MESSAGE });
      else if (finishReason && !req.signal.aborted) answerSave.modelFinished((await result.steps).length);
      await title.close(TITLE_WAIT_MS);
      writer.write({ type: "finish", ...(finishReason ? { finishReason } : {}) });
      timer.at("end");
      log().debug({ phases: timer.phases }, "chat turn timings");
    },
    onStepEnd: ({ responseMessage }) => answerSave.stepEnded(responseMessage),
    onEnd: async ({ responseMessage, isAborted, isCancelled }) => {
      // A title sent in this stream is being saved while the answer is: both end before the response.
      const titleSave = title.saved;
      try {
        // Stopped by the user (the request went away): marked, so the chat offers Continue.
        await answerSave.streamEnded(responseMessage, isAborted || isCancelled === true || req.signal.aborted);
      } catch (error) {
        log().error({ err: error }, "chat: could not save the answer");
      } finally {
        await titleSave;
        answerSaved?.();
      }
    },
  });

  return {
    respond(headers) {
      // Registered before the answer flows, so waiting for chat work also waits for a stopped answer's save.
      answerSaved = answerSaving(chatId);
      settle(true);
      const res = createUIMessageStreamResponse({ stream, headers, consumeSseStream: consumeStream });
      return res.body ? new Response(res.body.pipeThrough(coalesceBursts()), { status: res.status, headers: res.headers }) : res;
    },
    drop() {
      settle(false);
      stopModel.abort();
      void stream.cancel().catch(() => {});
    },
  };
}
