// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { OpenSuggestion } from "../types";
import { textArtifact } from "./client";

beforeAll(() => {
  // Radix positions popovers with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

const Editor = textArtifact.Editor;
const CONTENT = "# The ocean\n\nThe ocean is big and it covers most of the planet.\n\nWhales sing in the deep.";
const SUGGESTIONS: OpenSuggestion[] = [
  { id: "s1", documentCreatedAt: new Date(0), originalText: "big", suggestedText: "vast", description: "A stronger word." },
  { id: "s2", documentCreatedAt: new Date(0), originalText: "Whales sing", suggestedText: "Whales call", description: "More precise." },
];

/** The editor as the artifact panel uses it: a resolved suggestion leaves the list. */
function Harness({ onResolve, readOnly = false }: { onResolve: (id: string, action: "apply" | "dismiss") => void; readOnly?: boolean }) {
  const [open, setOpen] = useState(SUGGESTIONS);
  return (
    <Editor
      content={CONTENT}
      title="The ocean"
      onChange={readOnly ? null : () => {}}
      isStreaming={false}
      suggestions={open}
      onResolveSuggestion={
        readOnly
          ? null
          : (id, action) => {
              onResolve(id, action);
              setOpen((list) => list.filter((s) => s.id !== id));
            }
      }
    />
  );
}

const marks = () => screen.queryAllByTestId("suggestion-mark");
const card = () => screen.queryByRole("dialog");

/** Presses Tab until `el` has focus; fails if it is not reached in `max` presses. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, max = 10) {
  for (let i = 0; i < max; i++) {
    await user.tab();
    if (document.activeElement === el) return;
  }
  throw new Error(`Tab did not reach ${el.outerHTML.slice(0, 80)}`);
}

describe("inline suggestions by keyboard", () => {
  it("highlights each suggestion's text in a button inside a <mark>", () => {
    render(<Harness onResolve={vi.fn()} />);
    expect(marks().map((m) => m.textContent)).toEqual(["big", "Whales sing"]);
    for (const m of marks()) {
      expect(m.tagName).toBe("BUTTON");
      expect(m.closest("mark")?.dataset.suggestionId).toBeDefined();
      expect(m.getAttribute("aria-expanded")).toBe("false");
      expect(m.getAttribute("aria-haspopup")).toBe("dialog");
    }
  });

  it("Tab reaches the highlight, Enter opens the suggestion, Escape closes it and focus returns to the highlight", async () => {
    const user = userEvent.setup();
    render(<Harness onResolve={vi.fn()} />);
    const [first] = marks();
    await tabTo(user, first!);
    expect(card()).toBeNull();

    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Suggestion" });
    expect(first!.getAttribute("aria-expanded")).toBe("true");
    expect(first!.getAttribute("aria-controls")).toBe(dialog.id);
    const suggestion = within(dialog).getByTestId("suggestion-card");
    expect(suggestion.textContent).toContain("A stronger word.");
    expect(suggestion.textContent).toContain("vast");
    // Focus moves into the card.
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard("{Escape}");
    await waitFor(() => expect(card()).toBeNull());
    expect(document.activeElement).toBe(first);
    expect(first!.getAttribute("aria-expanded")).toBe("false");
  });

  it("Space opens it too, and Tab walks the second highlight after the first", async () => {
    const user = userEvent.setup();
    render(<Harness onResolve={vi.fn()} />);
    const [first, second] = marks();
    await tabTo(user, first!);
    await user.tab();
    expect(document.activeElement).toBe(second);
    await user.keyboard(" ");
    const dialog = await screen.findByRole("dialog", { name: "Suggestion" });
    expect(within(dialog).getByTestId("suggestion-card").textContent).toContain("Whales call");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(card()).toBeNull());
    expect(document.activeElement).toBe(second);
  });

  it("Dismiss is reachable with Tab and works with Enter", async () => {
    const user = userEvent.setup();
    const onResolve = vi.fn();
    render(<Harness onResolve={onResolve} />);
    await tabTo(user, marks()[0]!);
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Suggestion" });
    await tabTo(user, within(dialog).getByRole("button", { name: "Dismiss" }), 3);
    await user.keyboard("{Enter}");
    expect(onResolve).toHaveBeenCalledExactlyOnceWith("s1", "dismiss");
    // The suggestion is gone, and its card with it.
    await waitFor(() => expect(card()).toBeNull());
    expect(marks().map((m) => m.textContent)).toEqual(["Whales sing"]);
  });

  it("Apply is reachable with Tab and works with Space", async () => {
    const user = userEvent.setup();
    const onResolve = vi.fn();
    render(<Harness onResolve={onResolve} />);
    const second = marks()[1]!;
    await tabTo(user, second);
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Suggestion" });
    await tabTo(user, within(dialog).getByRole("button", { name: "Apply" }), 3);
    await user.keyboard(" ");
    expect(onResolve).toHaveBeenCalledExactlyOnceWith("s2", "apply");
    await waitFor(() => expect(card()).toBeNull());
    expect(marks().map((m) => m.textContent)).toEqual(["big"]);
  });

  it("a reader who may not resolve suggestions can still open and close them", async () => {
    const user = userEvent.setup();
    render(<Harness onResolve={vi.fn()} readOnly />);
    const [first] = marks();
    await tabTo(user, first!);
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Suggestion" });
    expect(within(dialog).getByTestId("suggestion-card").textContent).toContain("vast");
    expect(within(dialog).queryByRole("button")).toBeNull();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(card()).toBeNull());
    expect(document.activeElement).toBe(first);
  });
});
