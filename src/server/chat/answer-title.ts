/**
 * A new chat's title, asked of the model together with the answer, so its round trip runs while
 * the turn is being written. Asked only once the first words were out, it outlasted a fast model's
 * whole answer and held the stream open. It goes into the stream only after the answer's first
 * words, and is saved beside the answer.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { LanguageModel } from "ai";
import { generateChatTitle } from "@/server/ai/title";
import { chats } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Logger } from "@/server/log";
import { track } from "./chat-work";
import { DEFAULT_CHAT_TITLE } from "./chats";
import type { TurnTimer } from "./timing";

/** Saves a title only while the chat still has the default one (a rename wins). */
async function saveTitle(db: Db, chatId: string, title: string) {
  await db
    .update(chats)
    .set({ title })
    .where(and(eq(chats.id, chatId), eq(chats.title, DEFAULT_CHAT_TITLE)));
}

export interface AnswerTitleOptions {
  db: Db;
  chatId: string;
  model: LanguageModel;
  /** The chat's first message, for a new chat; null when the chat has its title already. */
  firstUserText: string | null;
  /** Whether the turn was written: a title for a turn that was not is neither sent nor saved. */
  written: Promise<boolean>;
  timer: TurnTimer;
  log: () => Logger;
}

export class AnswerTitle {
  private asked: Promise<string | null> | null = null;
  /** A title that is ready before the answer's first words are out. */
  private waiting: string | null = null;
  private sendTo: ((title: string) => void) | null = null;
  /** The title's save once the title exists; never rejects. */
  saved: Promise<void> | null = null;

  constructor(private readonly o: AnswerTitleOptions) {}

  /** Asks for the title (once; nothing for a chat that has one). */
  ask(): void {
    const { db, chatId, model, firstUserText, written, timer, log } = this.o;
    if (this.asked || firstUserText === null) return;
    this.asked = track(
      generateChatTitle(model, firstUserText).then(async (title) => {
        if (!(await written)) return null;
        timer.at("title");
        // Saved while it is sent: the response ends only once the answer and the title are saved.
        this.saved = track(saveTitle(db, chatId, title)).catch((error: unknown) => log().error({ err: error }, "chat: could not save the title"));
        if (this.sendTo) this.sendTo(title);
        else this.waiting = title;
        return title;
      }),
    );
  }

  /** The answer's first words are out (or it has none): the title is sent from now on. */
  open(send: (title: string) => void): void {
    if (this.sendTo) return;
    this.sendTo = send;
    if (this.waiting !== null) send(this.waiting);
    this.waiting = null;
  }

  /** Waits up to `ms` for a title still being written, then sends nothing more. */
  async close(ms: number): Promise<void> {
    // A slow provider must not keep the chat "streaming"; a late title is still saved and shows
    // on the next history load.
    const asked = this.asked;
    if (asked) await Promise.race([asked, new Promise<null>((r) => setTimeout(() => r(null), ms).unref?.())]).catch(() => null);
    this.sendTo = null;
    this.waiting = null;
  }
}
