"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";

export type SaveState = "idle" | "dirty" | "saving" | "saved" | "error";

/** A pause in typing this long saves the draft (into the session's version). */
export const AUTOSAVE_MS = 1500;
/** A pause this long ends the editing session: the next edit starts a new version. */
export const SESSION_IDLE_MS = 30_000;

/**
 * Saves one draft. `session` is the version this editing session created (null before its first
 * save), for the save to overwrite while it is the newest. Resolves to the version the save created,
 * or null when it created none (it overwrote the session's version, or the text was unchanged).
 */
export type SaveDraft = (content: string, session: Date | null) => Promise<Date | null>;

/**
 * The owner's typing, saved in the background: one editing session, ended by a long pause, leaving
 * the editor, a chat turn or closing, is one version. The draft is what was typed, shown until the
 * saved versions catch up.
 */
export function useAutosave(saveDraft: SaveDraft, registerFlush: (flush: (() => Promise<void>) | null) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The version this editing session created; later saves of the session overwrite it while it is the newest.
  const sessionVersion = useRef<Date | null>(null);
  // Saves run one after another: a slow save must not let an older draft land after a newer one.
  const inFlight = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(
    (opts: { endSession?: boolean } = {}) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const savePending = async () => {
        const content = pending.current;
        if (content === null) return;
        pending.current = null;
        setSaveState("saving");
        try {
          const created = await saveDraft(content, sessionVersion.current);
          if (created) sessionVersion.current = created;
          setSaveState(pending.current === null ? "saved" : "dirty");
        } catch (e) {
          pending.current ??= content;
          setSaveState("error");
          toast.error(e instanceof Error ? `Could not save: ${e.message}` : "Could not save the document.");
        }
      };
      const run = async () => {
        await savePending();
        if (opts.endSession) {
          sessionVersion.current = null;
          if (idleTimer.current) clearTimeout(idleTimer.current);
          idleTimer.current = null;
        }
      };
      inFlight.current = inFlight.current.then(run);
      return inFlight.current;
    },
    [saveDraft],
  );
  // Anything but typing (a chat turn, a suggestion, closing) saves and closes the session.
  const flushAndEnd = useCallback(() => flush({ endSession: true }), [flush]);

  useEffect(() => {
    registerFlush(flushAndEnd);
    return () => {
      registerFlush(null);
      if (idleTimer.current) clearTimeout(idleTimer.current);
      void flushAndEnd();
    };
  }, [flushAndEnd, registerFlush]);

  const edit = useCallback(
    (content: string) => {
      setDraft(content);
      pending.current = content;
      setSaveState("dirty");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
      if (idleTimer.current) clearTimeout(idleTimer.current);
      idleTimer.current = setTimeout(() => void flushAndEnd(), SESSION_IDLE_MS);
    },
    [flush, flushAndEnd],
  );

  // The saved text takes over from the draft (a restore, an applied suggestion, the model's edit).
  const discardDraft = useCallback(() => setDraft(null), []);
  // Typing still pending is saved as usual, but as a new version rather than into the session's.
  const startNewSession = useCallback(() => {
    sessionVersion.current = null;
  }, []);

  return { draft, saveState, edit, flushAndEnd, discardDraft, startNewSession };
}
