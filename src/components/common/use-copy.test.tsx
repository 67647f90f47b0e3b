// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCopy } from "./use-copy";

const toastError = vi.hoisted(() => vi.fn());
vi.mock("sonner", () => ({ toast: { error: toastError } }));

function clipboard(writeText: (v: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
}

afterEach(() => {
  vi.useRealTimers();
  toastError.mockReset();
});

describe("useCopy", () => {
  it("copies, shows copied for a moment, then not", async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(async () => {});
    clipboard(writeText);
    const { result } = renderHook(() => useCopy());
    let ok = false;
    await act(async () => {
      ok = await result.current.copy("hello");
    });
    expect(ok).toBe(true);
    expect(writeText).toHaveBeenCalledWith("hello");
    expect(result.current.copied).toBe(true);
    act(() => vi.advanceTimersByTime(1500));
    expect(result.current.copied).toBe(false);
  });

  it("says so, and never claims copied, when the clipboard refuses", async () => {
    clipboard(async () => {
      throw new Error("denied");
    });
    document.execCommand = vi.fn(() => false);
    const { result } = renderHook(() => useCopy());
    let ok = true;
    await act(async () => {
      ok = await result.current.copy("hello");
    });
    expect(ok).toBe(false);
    expect(result.current.copied).toBe(false);
    expect(toastError).toHaveBeenCalledWith("Could not copy to the clipboard.");
  });
});
