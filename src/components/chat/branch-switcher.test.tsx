// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BranchSwitcher } from "./branch-switcher";

afterEach(cleanup);

const three = { index: 1, siblings: ["v1", "v2", "v3"] };
const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });

describe("BranchSwitcher", () => {
  it("shows the position among the versions and moves to the neighbours by keyboard", async () => {
    const user = userEvent.setup();
    const onSwitch = vi.fn();
    render(<BranchSwitcher branch={three} disabled={false} onSwitch={onSwitch} />);
    expect(screen.getByTestId("branch-position").textContent).toBe("2 / 3");

    await user.tab();
    expect(document.activeElement).toBe(button("Previous version"));
    await user.keyboard("{Enter}");
    expect(onSwitch).toHaveBeenLastCalledWith("v1");

    await user.tab();
    expect(document.activeElement).toBe(button("Next version"));
    await user.keyboard(" ");
    expect(onSwitch).toHaveBeenLastCalledWith("v3");
    expect(onSwitch).toHaveBeenCalledTimes(2);
  });

  it("cannot go before the first version or past the last", () => {
    const { rerender } = render(<BranchSwitcher branch={{ index: 0, siblings: ["v1", "v2"] }} disabled={false} onSwitch={vi.fn()} />);
    expect(button("Previous version").disabled).toBe(true);
    expect(button("Next version").disabled).toBe(false);
    rerender(<BranchSwitcher branch={{ index: 1, siblings: ["v1", "v2"] }} disabled={false} onSwitch={vi.fn()} />);
    expect(button("Previous version").disabled).toBe(false);
    expect(button("Next version").disabled).toBe(true);
  });

  it("waits while the chat is busy (an answer streams or a switch is saved)", async () => {
    const onSwitch = vi.fn();
    render(<BranchSwitcher branch={three} disabled onSwitch={onSwitch} />);
    expect(button("Previous version").disabled).toBe(true);
    expect(button("Next version").disabled).toBe(true);
    await userEvent.setup().click(button("Next version"));
    expect(onSwitch).not.toHaveBeenCalled();
  });
});
