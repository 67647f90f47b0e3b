/**
 * When a turn's answer is saved. Once the model has finished, the stream's last step holds the whole
 * answer, and the answer is saved from it right away. That matters for a new chat: its stream
 * still waits for the title, and the save now runs beside that wait instead of after it. An answer cut
 * short (stopped by the user, or failed) is saved as it stands when the stream ends.
 */
import "server-only";
import type { RadiumUIMessage } from "@/lib/chat/contract";

type Save = (message: RadiumUIMessage, stopped: boolean) => Promise<void>;

export class AnswerSave {
  /** The message at the end of each step, as the stream saw it. */
  private readonly steps: RadiumUIMessage[] = [];
  private awaited: { count: number; found: (message: RadiumUIMessage | null) => void } | null = null;
  /** The save started once the model finished: what it saved, or null if it never started. */
  private early: Promise<RadiumUIMessage | null> | null = null;

  constructor(private readonly save: Save) {}

  /** The stream's onStepEnd. */
  stepEnded(message: RadiumUIMessage): void {
    this.steps.push(message);
    if (this.awaited && this.steps.length >= this.awaited.count) this.awaited.found(message);
  }

  /** The model finished normally after `stepCount` steps: save as soon as the stream has seen them all. */
  modelFinished(stepCount: number): void {
    const whole = new Promise<RadiumUIMessage | null>((found) => {
      this.awaited = { count: stepCount, found };
      if (this.steps.length >= stepCount) found(this.steps[stepCount - 1] ?? null);
    });
    this.early = whole.then(async (message) => {
      if (message) await this.save(message, false);
      return message;
    });
    // Awaited by streamEnded, which reports a failure; until then it is not "unhandled".
    this.early.catch(() => {});
  }

  /** The stream's onEnd: saves the answer as it stands, unless the model's whole answer was saved. */
  async streamEnded(message: RadiumUIMessage, stopped: boolean): Promise<void> {
    // A stream cancelled before it saw the last step never will: the answer is saved from here.
    this.awaited?.found(null);
    const saved = this.early ? await this.early : null;
    // Saved whole already, unless a step came after the one the save took (it is saved again).
    if (saved && saved.parts.length === message.parts.length) return;
    await this.save(message, stopped);
  }
}
