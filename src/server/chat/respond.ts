/**
 * POST /api/chat: same-site check → authenticate → validate → one read decides the turn
 * (ownership, the daily limit, what to answer) → the model is called while the user's side of the
 * turn is written (one transaction, which also claims the turn against the daily limit) → the
 * answer streams as an AI SDK UI message stream once that write is done (answer.ts).
 * Phase timings go out as Server-Timing (timing.ts).
 */
import "server-only";
import { issuesMessage } from "@/lib/validation-message";
import { claimedSessionUser, lookupProfile } from "@/server/auth";
import { getConnection } from "@/server/db";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { ensureUser } from "@/server/users/ensure-user";
import { isCrossSiteRequest } from "@/server/http/origin";
import { problem } from "@/server/http/problem";
import { currentRequest } from "@/server/http/route";
import { logger } from "@/server/log";
import { resolveChatModel } from "@/server/ai/models";
import { startAnswer } from "./answer";
import { withOwnAttachments } from "./attachment-parts";
import { previousAnswerSaved } from "./chat-work";
import { resolveDeploymentModel } from "./deployment-model";
import { ChatError } from "./errors";
import { checkDailyLimit, dailyMessageLimit, limitMessage, type LimitCheck } from "./limits";
import { chatRequestSchema, type ChatRequest } from "./request";
import { loadTurnSnapshot } from "./snapshot";
import { TurnTimer } from "./timing";
import { decideTurn } from "./turn";
import { commitTurn } from "./turn-write";

export { settleChatWork } from "./chat-work";

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

function limitReached(limit: Extract<LimitCheck, { allowed: false }>): ChatError {
  const retryAfter = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
  return new ChatError("rate_limit", "chat", limitMessage(limit), { "retry-after": String(retryAfter) });
}

const unauthorized = () => new ChatError("unauthorized", "auth", "Sign in to chat.");

export async function handleChatRequest(req: Request): Promise<Response> {
  // CSRF: a cross-site form can post text/plain JSON with the victim's cookie; refuse it first.
  if (isCrossSiteRequest(req)) return new ChatError("forbidden", "api", "Cross-site requests cannot send chat messages.").toResponse(req);
  const timer = new TurnTimer();
  try {
    // Authenticate before reading the body, so a signed-out caller learns nothing about its shape.
    const claimed = await claimedSessionUser(req);
    if (!claimed) throw unauthorized();
    const { user } = claimed;
    const body = await parseBody(req);
    const conn = await getConnection();
    const { db } = conn;
    timer.at("auth");
    // The turn's snapshot is read while the session is confirmed; nothing is decided until it is.
    const [active, snap] = await Promise.all([
      claimed.active,
      previousAnswerSaved(body.id).then(() =>
        loadTurnSnapshot(db, { chatId: body.id, userId: user.id, messageId: body.trigger === "submit-message" ? body.message.id : (body.messageId ?? null) }),
      ),
    ]);
    if (!active) throw unauthorized();
    // Files in the message must be the caller's own uploads; their parts are rewritten as the server recorded them.
    const request = await withOwnAttachments(db, user.id, body);
    timer.at("read");
    const model = resolveChatModel(body.model) ?? (await resolveDeploymentModel(db, user.id, body.model));
    if (!model) throw new ChatError("bad_request", "model", `model: Unknown model "${body.model}". Pick one from the model selector.`);
    if (await ensureUser(db, user, lookupProfile)) kickOutbox();

    const limit = dailyMessageLimit();
    // Over the limit already: answer without queueing on the per-user lock.
    if (snap.usedToday >= limit) {
      const check = await checkDailyLimit(db, user.id);
      if (!check.allowed) throw limitReached(check);
    }
    const turn = decideTurn(snap, request, user.id, model);
    // The write's first round trip is under way while the model request is being set up.
    const committing = commitTurn(conn, turn.write, { limit });
    committing.catch(() => {}); // awaited just below; a failure meanwhile is not "unhandled"
    const answer = await startAnswer({ db, req, userId: user.id, model, turn, timer });
    try {
      const commit = await committing;
      if (!commit.allowed) throw limitReached(commit);
    } catch (error) {
      answer.drop();
      throw error;
    }
    timer.at("write");
    return answer.respond({ "server-timing": timer.header() });
  } catch (error) {
    if (error instanceof ChatError) return error.toResponse(req);
    (currentRequest()?.log ?? logger).error({ err: error }, "chat request failed");
    return problem(req, {
      status: 500,
      title: "Internal Server Error",
      detail: "The chat request failed on the server. Please try again.",
      extensions: { code: "internal:api" },
    });
  }
}
