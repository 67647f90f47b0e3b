/**
 * Joins the text deltas a model sends in one burst into one delta, right where they leave the model
 * call. Each delta is otherwise carried one by one through a dozen web streams (the SDK's step and
 * UI-message machinery, the SSE encoding, the response), which costs the server more than anything
 * else in a turn: a fast model's whole answer arrives in one read and spent milliseconds on that
 * path before the answer could be saved and the response end. The first delta of each turn of the
 * event loop passes at once, so no words wait: a model sending one token at a time is untouched,
 * and only the deltas that arrive behind another in the same turn are held, until the turn ends or
 * a part of another kind comes.
 */
import type { ProviderMetadata, TextStreamPart, ToolSet } from "ai";

type Part<TOOLS extends ToolSet> = TextStreamPart<TOOLS>;
type TextDelta = { type: "text-delta"; id: string; text: string; providerMetadata?: ProviderMetadata };

export function joinTextBursts<TOOLS extends ToolSet>(): TransformStream<Part<TOOLS>, Part<TOOLS>> {
  let controller: TransformStreamDefaultController<Part<TOOLS>>;
  let held: TextDelta | null = null;
  /** A delta passed at once in this turn of the event loop: later ones wait for the turn's end. */
  let burst = false;
  const release = () => {
    if (!held) return;
    const out = held;
    held = null;
    try {
      controller.enqueue(out);
    } catch {
      // The stream was cancelled (the client stopped the answer): nothing is left to deliver.
    }
  };
  const endOfTurn = () => {
    burst = false;
    release();
  };
  return new TransformStream<Part<TOOLS>, Part<TOOLS>>({
    start(c) {
      controller = c;
    },
    transform(part) {
      if (part.type !== "text-delta") {
        release();
        controller.enqueue(part);
        return;
      }
      if (!burst) {
        burst = true;
        setImmediate(endOfTurn);
        controller.enqueue(part);
        return;
      }
      // Provider metadata belongs to one delta: such a delta is never merged.
      if (held && held.id === part.id && !held.providerMetadata && !part.providerMetadata) {
        held = { ...held, text: held.text + part.text };
        return;
      }
      release();
      held = part;
    },
    flush() {
      release();
    },
  });
}
