// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { Message, type Vote } from "./message";

// The copy button reports a failed copy with a toast.
const toastError = vi.hoisted(() => vi.fn());
vi.mock("sonner", () => ({ toast: { error: toastError, success: vi.fn() } }));

beforeAll(() => {
  // Radix measures tooltips with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(() => toastError.mockClear());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const userMessage: RadiumUIMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "What is the tallest mountain?" }] };
const assistantMessage: RadiumUIMessage = {
  id: "a1",
  role: "assistant",
  parts: [{ type: "text", text: "Mount Everest, 8,849 m high." }],
};
/** Text parts apart (here around a reasoning part) are copied as paragraphs. */
const answerInTwoParts: RadiumUIMessage = {
  id: "a3",
  role: "assistant",
  parts: [
    { type: "text", text: "Mount Everest." },
    { type: "reasoning", text: "Which unit? Metres." },
    { type: "text", text: "It is 8,849 m high." },
  ],
};

function renderMessage(overrides: Partial<React.ComponentProps<typeof Message>> = {}) {
  const props: React.ComponentProps<typeof Message> = {
    message: assistantMessage,
    isStreaming: false,
    isLastAssistant: true,
    readonly: false,
    busy: false,
    vote: null,
    stopped: false,
    onSwitchBranch: vi.fn(),
    onVote: vi.fn(),
    onRegenerate: vi.fn(),
    onContinue: vi.fn(),
    onEdit: vi.fn(),
    onOpenDocument: vi.fn(),
    titleFor: () => undefined,
    ...overrides,
  };
  const view = render(<Message {...props} />);
  return { ...view, props, rerenderWith: (next: Partial<typeof props>) => view.rerender(<Message {...props} {...next} />) };
}

/** The copy button's live region: what a screen reader hears after a copy. */
const announced = () => screen.getByRole("status").textContent;

/** Stands in for document.execCommand (jsdom has none), recording what the fallback selected. */
function fakeExecCommand(result: boolean) {
  const copied: string[] = [];
  const execCommand = vi.fn((command: string) => {
    const textarea = document.querySelector("textarea");
    if (command === "copy" && textarea) copied.push(textarea.value);
    return result;
  });
  Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
  onTestFinished(() => {
    Reflect.deleteProperty(document, "execCommand");
  });
  return { execCommand, copied };
}

describe("copy", () => {
  it("copies a user message's text to the clipboard and says so", async () => {
    const user = userEvent.setup();
    renderMessage({ message: userMessage });
    const button = screen.getByRole("button", { name: "Copy message" });
    expect(announced()).toBe("");
    await user.click(button);
    // The click handler awaits the clipboard, so the change lands a moment later.
    await waitFor(() => expect(announced()).toBe("Copied"));
    await expect(navigator.clipboard.readText()).resolves.toBe("What is the tallest mountain?");
    // The icon turns into a check meanwhile.
    expect(button.querySelector(".lucide-check")).not.toBeNull();
    expect(toastError).not.toHaveBeenCalled();
  });

  it("copies an answer from the keyboard", async () => {
    const user = userEvent.setup();
    renderMessage();
    const button = screen.getByRole("button", { name: "Copy answer" });
    // The copy button is the first Tab stop under the answer.
    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(announced()).toBe("Copied"));
    await expect(navigator.clipboard.readText()).resolves.toBe("Mount Everest, 8,849 m high.");
    expect(document.activeElement).toBe(button);
  });

  it("copies an answer's separate text parts joined by a blank line, without its reasoning", async () => {
    const user = userEvent.setup();
    renderMessage({ message: answerInTwoParts });
    await user.click(screen.getByRole("button", { name: "Copy answer" }));
    await waitFor(() => expect(announced()).toBe("Copied"));
    await expect(navigator.clipboard.readText()).resolves.toBe("Mount Everest.\n\nIt is 8,849 m high.");
  });

  it("copies a continued answer (Stop, then Continue) as one text", async () => {
    const user = userEvent.setup();
    renderMessage({
      message: {
        id: "a2",
        role: "assistant",
        parts: [
          { type: "text", text: "The summit is 8,8" },
          { type: "step-start" },
          { type: "text", text: "49 m above sea level." },
        ],
      },
    });
    await user.click(screen.getByRole("button", { name: "Copy answer" }));
    await waitFor(() => expect(announced()).toBe("Copied"));
    await expect(navigator.clipboard.readText()).resolves.toBe("The summit is 8,849 m above sea level.");
  });

  it("goes back to the copy icon after a moment", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderMessage({ message: userMessage });
    const button = screen.getByRole("button", { name: "Copy message" });
    await user.click(button);
    await vi.waitFor(() => expect(announced()).toBe("Copied"));
    expect(button.querySelector(".lucide-check")).not.toBeNull();
    act(() => vi.advanceTimersByTime(1600));
    expect(announced()).toBe("");
    expect(button.querySelector(".lucide-check")).toBeNull();
    expect(button.querySelector(".lucide-copy")).not.toBeNull();
  });

  it("falls back to a hidden textarea without the async clipboard", async () => {
    const user = userEvent.setup();
    renderMessage({ message: userMessage });
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    const { execCommand, copied } = fakeExecCommand(true);
    await user.click(screen.getByRole("button", { name: "Copy message" }));
    await waitFor(() => expect(announced()).toBe("Copied"));
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(copied).toEqual(["What is the tallest mountain?"]);
    // The fallback cleans up after itself.
    expect(document.querySelector("textarea")).toBeNull();
    expect(toastError).not.toHaveBeenCalled();
  });

  it("reports a copy that failed both ways, and does not claim it worked", async () => {
    const user = userEvent.setup();
    renderMessage({ message: userMessage });
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    const { copied } = fakeExecCommand(false);
    const button = screen.getByRole("button", { name: "Copy message" });
    await user.click(button);
    await waitFor(() => expect(toastError).toHaveBeenCalledExactlyOnceWith("Could not copy to the clipboard."));
    expect(copied).toEqual(["What is the tallest mountain?"]);
    expect(document.querySelector("textarea")).toBeNull();
    expect(announced()).toBe("");
    expect(button.querySelector(".lucide-check")).toBeNull();
  });
});

describe("edit", () => {
  it("opens an editor on the message, focused, and sends the trimmed new text with Enter", async () => {
    const user = userEvent.setup();
    const { props } = renderMessage({ message: userMessage });
    await user.click(screen.getByRole("button", { name: "Edit message" }));
    const editor = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Edit message" });
    expect(document.activeElement).toBe(editor);
    expect(editor.value).toBe("What is the tallest mountain?");
    expect(screen.getByText("Later messages in this chat will be replaced.")).not.toBeNull();

    await user.clear(editor);
    // Shift+Enter is a new line, not a send.
    await user.type(editor, "  Which is the highest peak{Shift>}{Enter}{/Shift}in Europe?  ");
    expect(props.onEdit).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(props.onEdit).toHaveBeenCalledExactlyOnceWith("u1", "Which is the highest peak\nin Europe?", []);
    // The editor closes: the message is shown again (the parent replaces its text).
    expect(screen.queryByRole("textbox", { name: "Edit message" })).toBeNull();
    expect(screen.getByTestId("user-message-text").textContent).toContain("What is the tallest mountain?");
  });

  it("sends with the Send button and cannot send an empty message", async () => {
    const user = userEvent.setup();
    const { props } = renderMessage({ message: userMessage });
    await user.click(screen.getByRole("button", { name: "Edit message" }));
    const editor = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Edit message" });
    const send = screen.getByRole<HTMLButtonElement>("button", { name: "Send" });
    await user.clear(editor);
    await user.type(editor, "   ");
    expect(send.disabled).toBe(true);
    await user.keyboard("{Enter}");
    expect(props.onEdit).not.toHaveBeenCalled();

    await user.type(editor, "Why is the sky blue?");
    expect(send.disabled).toBe(false);
    await user.click(send);
    expect(props.onEdit).toHaveBeenCalledExactlyOnceWith("u1", "Why is the sky blue?", []);
  });

  it("shows a message's files, keeps them through an edit, and lets their text go", async () => {
    const user = userEvent.setup();
    const notes = { type: "file" as const, url: "/api/chat/attachments/0b8f5a9e-4c1d-4f7a-9b2e-3c4d5e6f7a8b", mediaType: "text/plain", filename: "notes.txt" };
    const { props } = renderMessage({ message: { id: "u2", role: "user", parts: [notes, { type: "text", text: "Summarise" }] } });
    // The attachments' component loads when a message first has files.
    expect((await screen.findByRole("link", { name: "notes.txt" })).getAttribute("href")).toBe(notes.url);
    expect(screen.getByRole("link", { name: "Download notes.txt" }).getAttribute("href")).toBe(`${notes.url}?download=1`);
    await user.click(screen.getByRole("button", { name: "Edit message" }));
    const editor = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Edit message" });
    await user.clear(editor);
    // The files alone are still a message.
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Send" }).disabled).toBe(false);
    await user.keyboard("{Enter}");
    expect(props.onEdit).toHaveBeenCalledExactlyOnceWith("u2", "", [notes]);
  });

  it("Escape and Cancel leave the message unchanged, and the next edit starts from it again", async () => {
    const user = userEvent.setup();
    const { props } = renderMessage({ message: userMessage });
    await user.click(screen.getByRole("button", { name: "Edit message" }));
    await user.type(screen.getByRole("textbox", { name: "Edit message" }), " Draft");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Edit message" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Edit message" }));
    expect(screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Edit message" }).value).toBe("What is the tallest mountain?");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("textbox", { name: "Edit message" })).toBeNull();
    expect(props.onEdit).not.toHaveBeenCalled();
  });

  it("is disabled while the chat is busy and absent in a read-only chat", () => {
    const { rerenderWith } = renderMessage({ message: userMessage, busy: true });
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Edit message" }).disabled).toBe(true);
    rerenderWith({ busy: false, readonly: true });
    expect(screen.queryByRole("button", { name: "Edit message" })).toBeNull();
    // Copying stays available to readers.
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Copy message" }).disabled).toBe(false);
  });
});

describe("regenerate", () => {
  it("asks for a new answer to the last assistant message", async () => {
    const user = userEvent.setup();
    const { props } = renderMessage();
    await user.click(screen.getByRole("button", { name: "Regenerate answer" }));
    expect(props.onRegenerate).toHaveBeenCalledExactlyOnceWith("a1");
  });

  it("is offered on the last answer only, not while busy, streaming or read-only", async () => {
    const user = userEvent.setup();
    const { props, rerenderWith } = renderMessage({ isLastAssistant: false });
    expect(screen.queryByRole("button", { name: "Regenerate answer" })).toBeNull();

    rerenderWith({ isLastAssistant: true, busy: true });
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Regenerate answer" });
    expect(button.disabled).toBe(true);
    await user.click(button);
    expect(props.onRegenerate).not.toHaveBeenCalled();

    rerenderWith({ isLastAssistant: true, isStreaming: true });
    expect(screen.queryByRole("button", { name: "Regenerate answer" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Copy answer" })).toBeNull();

    rerenderWith({ isLastAssistant: true, readonly: true });
    expect(screen.queryByRole("button", { name: "Regenerate answer" })).toBeNull();
  });
});

describe("vote", () => {
  it("votes up and down, and shows the current vote as a pressed toggle", async () => {
    const user = userEvent.setup();
    const { props, rerenderWith } = renderMessage();
    const up = screen.getByRole("button", { name: "Good answer" });
    const down = screen.getByRole("button", { name: "Bad answer" });
    expect(up.getAttribute("aria-pressed")).toBe("false");
    expect(down.getAttribute("aria-pressed")).toBe("false");

    await user.click(up);
    expect(props.onVote).toHaveBeenLastCalledWith("a1", "up");
    rerenderWith({ vote: "up" satisfies Vote });
    expect(screen.getByRole("button", { name: "Good answer", pressed: true })).toBe(up);
    expect(screen.getByRole("button", { name: "Bad answer", pressed: false })).toBe(down);

    // From the keyboard: Space on the focused down vote.
    down.focus();
    await user.keyboard(" ");
    expect(props.onVote).toHaveBeenLastCalledWith("a1", "down");
    expect(props.onVote).toHaveBeenCalledTimes(2);
    rerenderWith({ vote: "down" });
    expect(up.getAttribute("aria-pressed")).toBe("false");
    expect(down.getAttribute("aria-pressed")).toBe("true");
  });

  it("is not offered in a read-only chat", () => {
    renderMessage({ readonly: true });
    expect(screen.getAllByRole("button").map((b) => b.getAttribute("aria-label"))).toEqual(["Copy answer"]);
  });
});

describe("keyboard", () => {
  it("the actions under an answer are in Tab order: copy, good, bad, regenerate", async () => {
    const user = userEvent.setup();
    renderMessage();
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      names.push(document.activeElement?.getAttribute("aria-label") ?? "");
    }
    expect(names).toEqual(["Copy answer", "Good answer", "Bad answer", "Regenerate answer"]);
  });
});

describe("branches", () => {
  const branch = { index: 0, siblings: ["a1", "a2"] };
  it("a message with other versions shows the switcher to its owner, which switches to the chosen version", async () => {
    const { props } = renderMessage({ branch });
    await userEvent.setup().click(screen.getByRole("button", { name: "Next version" }));
    expect(props.onSwitchBranch).toHaveBeenCalledExactlyOnceWith("a2");
  });

  it("readers of a shared chat see the chosen branch without a switcher", () => {
    renderMessage({ branch, readonly: true });
    expect(screen.queryByTestId("branch-switcher")).toBeNull();
  });
});
