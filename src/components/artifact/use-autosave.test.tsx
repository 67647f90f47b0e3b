// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_MS, SESSION_IDLE_MS, type SaveDraft, useAutosave } from "./use-autosave";

const toastError = vi.hoisted(() => vi.fn());
vi.mock("sonner", () => ({ toast: { error: toastError, success: vi.fn() } }));

beforeEach(() => {
  vi.useFakeTimers();
  toastError.mockClear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const FIRST = new Date("2026-01-01T10:00:00Z");
const SECOND = new Date("2026-01-01T11:00:00Z");

/** A save that answers like the server: the first save of a session creates a version, later ones overwrite it. */
function fakeServer() {
  const created = [FIRST, SECOND];
  return vi.fn<SaveDraft>(async (_content, session) => (session ? null : (created.shift() ?? null)));
}

function setup(save: SaveDraft) {
  const registerFlush = vi.fn();
  const hook = renderHook(() => useAutosave(save, registerFlush));
  return { ...hook, registerFlush, autosave: () => hook.result.current };
}

/** Moves the clock on, letting the saves it starts settle. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe("useAutosave", () => {
  it("saves a burst of typing once, after a pause, and says so", async () => {
    const save = fakeServer();
    const { autosave } = setup(save);
    expect(autosave().saveState).toBe("idle");

    act(() => autosave().edit("O"));
    await wait(AUTOSAVE_MS - 1);
    act(() => autosave().edit("On"));
    await wait(AUTOSAVE_MS - 1);
    act(() => autosave().edit("One"));
    expect(autosave().draft).toBe("One");
    expect(autosave().saveState).toBe("dirty");
    await wait(AUTOSAVE_MS - 1);
    expect(save).not.toHaveBeenCalled();

    await wait(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith("One", null);
    expect(autosave().saveState).toBe("saved");
  });

  it("keeps one editing session in one version: later saves replace the version the first one created", async () => {
    const save = fakeServer();
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await wait(AUTOSAVE_MS);
    act(() => autosave().edit("One two"));
    await wait(AUTOSAVE_MS);
    act(() => autosave().edit("One two three"));
    await wait(AUTOSAVE_MS);

    expect(save.mock.calls).toEqual([
      ["One", null],
      ["One two", FIRST],
      ["One two three", FIRST],
    ]);
  });

  it("starts a new version after a long pause", async () => {
    const save = fakeServer();
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await wait(SESSION_IDLE_MS - 1);
    act(() => autosave().edit("One two"));
    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenLastCalledWith("One two", FIRST);

    // The idle clock counts from the last keystroke.
    await wait(SESSION_IDLE_MS - AUTOSAVE_MS);
    act(() => autosave().edit("One two three"));
    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenLastCalledWith("One two three", null);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it("saves at once and ends the session when the editor is left (flushAndEnd)", async () => {
    const save = fakeServer();
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await act(() => autosave().flushAndEnd());
    expect(save).toHaveBeenCalledWith("One", null);
    expect(autosave().saveState).toBe("saved");

    // The debounce it replaced does not save again.
    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenCalledTimes(1);

    act(() => autosave().edit("One two"));
    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenLastCalledWith("One two", null);
  });

  it("does nothing when there is nothing to save", async () => {
    const save = fakeServer();
    const { autosave } = setup(save);
    await act(() => autosave().flushAndEnd());
    expect(save).not.toHaveBeenCalled();
    expect(autosave().saveState).toBe("idle");
  });

  it("hands its flush to the chat, and on closing takes it back and saves what is pending", async () => {
    const save = fakeServer();
    const { autosave, registerFlush, unmount } = setup(save);
    expect(registerFlush).toHaveBeenCalledWith(autosave().flushAndEnd);

    act(() => autosave().edit("Typed just before closing"));
    unmount();
    await wait(0);
    expect(registerFlush).toHaveBeenLastCalledWith(null);
    expect(save).toHaveBeenCalledWith("Typed just before closing", null);
    expect(save).toHaveBeenCalledTimes(1);

    // No timer outlives the panel.
    await wait(SESSION_IDLE_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("runs saves one after another, so a slow save cannot land after a newer one", async () => {
    let finishFirst: (created: Date) => void = () => {};
    const save = vi.fn<SaveDraft>().mockImplementationOnce(() => new Promise((resolve) => (finishFirst = resolve)));
    save.mockResolvedValue(null);
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await wait(AUTOSAVE_MS);
    expect(autosave().saveState).toBe("saving");

    act(() => autosave().edit("One two"));
    expect(autosave().saveState).toBe("dirty");
    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenCalledTimes(1);

    await act(async () => finishFirst(FIRST));
    await wait(0);
    expect(save.mock.calls).toEqual([
      ["One", null],
      ["One two", FIRST],
    ]);
    expect(autosave().saveState).toBe("saved");
  });

  it("reports a failed save and tries the text again with the next save", async () => {
    const save = vi.fn<SaveDraft>().mockRejectedValueOnce(new Error("offline"));
    save.mockResolvedValue(FIRST);
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await wait(AUTOSAVE_MS);
    expect(autosave().saveState).toBe("error");
    expect(toastError).toHaveBeenCalledWith("Could not save: offline");
    expect(autosave().draft).toBe("One");

    await act(() => autosave().flushAndEnd());
    expect(save).toHaveBeenLastCalledWith("One", null);
    expect(autosave().saveState).toBe("saved");
  });

  it("keeps newer typing over the failed text", async () => {
    let fail: (e: Error) => void = () => {};
    const save = vi.fn<SaveDraft>().mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    save.mockResolvedValue(FIRST);
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await wait(AUTOSAVE_MS);
    act(() => autosave().edit("One two"));
    await act(async () => fail(new Error("offline")));
    await wait(0);
    expect(autosave().saveState).toBe("error");

    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenLastCalledWith("One two", null);
    expect(autosave().saveState).toBe("saved");
  });

  it("lets the model's edit or a restore start a new version and drop the draft", async () => {
    const save = fakeServer();
    const { autosave } = setup(save);

    act(() => autosave().edit("One"));
    await wait(AUTOSAVE_MS);
    act(() => {
      autosave().startNewSession();
      autosave().discardDraft();
    });
    expect(autosave().draft).toBeNull();

    act(() => autosave().edit("Two"));
    await wait(AUTOSAVE_MS);
    expect(save).toHaveBeenLastCalledWith("Two", null);
  });

  it("keeps its callbacks stable across renders (the editor is memoized on them)", () => {
    const { autosave, rerender } = setup(fakeServer());
    const before = autosave();
    act(() => before.edit("One"));
    rerender();
    const after = autosave();
    expect(after.edit).toBe(before.edit);
    expect(after.flushAndEnd).toBe(before.flushAndEnd);
    expect(after.discardDraft).toBe(before.discardDraft);
    expect(after.startNewSession).toBe(before.startNewSession);
  });
});
