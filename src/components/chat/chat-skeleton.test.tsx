// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ChatSkeleton } from "./chat-skeleton";

afterEach(cleanup);

describe("ChatSkeleton", () => {
  it("names the chat and tells screen readers the conversation is loading", () => {
    render(<ChatSkeleton title="Trip to Lisbon" withComposer />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Trip to Lisbon");
    expect(screen.getByRole("status").textContent).toBe("Loading the conversation");
    expect(screen.getByRole("region", { name: "Conversation" }).getAttribute("aria-busy")).toBe("true");
  });

  it("outlines the composer only for a chat the reader can write in", () => {
    const { container, rerender } = render(<ChatSkeleton title="Shared" withComposer />);
    const withComposer = container.querySelectorAll('[data-slot="skeleton"]').length;
    rerender(<ChatSkeleton title="Shared" withComposer={false} />);
    expect(container.querySelectorAll('[data-slot="skeleton"]').length).toBe(withComposer - 2);
  });
});
