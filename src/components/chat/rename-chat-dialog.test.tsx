// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HistoryItem } from "./history-cache";
import { RenameChatDialog } from "./rename-chat-dialog";

afterEach(cleanup);

const chat = (id: string, title: string): HistoryItem => ({
  id,
  title,
  visibility: "private",
  model: "offline",
  updatedAt: new Date("2026-12-01T10:00:00Z"),
});
const field = () => screen.getByLabelText<HTMLInputElement>("Title");

describe("RenameChatDialog", () => {
  it("starts from the chosen chat's title, and saves the edited one trimmed", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<RenameChatDialog chat={chat("a", "Trip plans")} pending={false} onClose={vi.fn()} onSave={onSave} />);
    expect(field().value).toBe("Trip plans");
    await user.clear(field());
    await user.type(field(), "  Trip to Lisbon  {Enter}");
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Trip to Lisbon");
  });

  it("forgets an unsaved edit when another chat is chosen, and cannot save an empty title", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const { rerender } = render(<RenameChatDialog chat={chat("a", "Trip plans")} pending={false} onClose={vi.fn()} onSave={onSave} />);
    await user.type(field(), " (draft)");
    expect(field().value).toBe("Trip plans (draft)");
    rerender(<RenameChatDialog chat={null} pending={false} onClose={vi.fn()} onSave={onSave} />);
    rerender(<RenameChatDialog chat={chat("b", "Budget")} pending={false} onClose={vi.fn()} onSave={onSave} />);
    expect(field().value).toBe("Budget");
    await user.clear(field());
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Save" }).disabled).toBe(true);
    await user.type(field(), "   {Enter}");
    expect(onSave).not.toHaveBeenCalled();
  });
});
