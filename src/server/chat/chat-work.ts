/**
 * Chat work that outlives its response (saving a stopped answer, a title): tracked so tests and
 * the bench can wait for it, and so a chat's next turn can wait for its previous answer's save.
 */
import "server-only";

const pending = new Set<Promise<unknown>>();

export function track<T>(p: Promise<T>): Promise<T> {
  pending.add(p);
  void p.finally(() => pending.delete(p)).catch(() => {});
  return p;
}

export async function settleChatWork(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/**
 * Answers still being saved, by chat. A stopped answer is saved when the server sees the abort,
 * which can be just after the client is idle again; the chat's next turn (a regenerate or an edit
 * sent at once) waits for that save so it cannot reappear after the turn deleted it.
 */
const answerSaves = new Map<string, Promise<void>>();
const ANSWER_SAVE_WAIT_MS = 5000;
/** A save that never reports back (a hung stream) stops holding the chat after this long. */
const ANSWER_SAVE_GIVE_UP_MS = 120_000;

export async function previousAnswerSaved(chatId: string): Promise<void> {
  const saving = answerSaves.get(chatId);
  if (saving) await Promise.race([saving, new Promise((r) => setTimeout(r, ANSWER_SAVE_WAIT_MS).unref?.())]);
}

/** Registers the chat's answer as being saved; call the returned function once it is. */
export function answerSaving(chatId: string): () => void {
  let saved!: () => void;
  const saving = track(
    new Promise<void>((resolve) => {
      saved = resolve;
      setTimeout(resolve, ANSWER_SAVE_GIVE_UP_MS).unref?.();
    }),
  );
  answerSaves.set(chatId, saving);
  void saving.then(() => {
    if (answerSaves.get(chatId) === saving) answerSaves.delete(chatId);
  });
  return saved;
}
