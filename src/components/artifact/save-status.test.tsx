// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { formatRelative } from "@/lib/format";
import { SaveStatus } from "./save-status";
import type { SaveState } from "./use-autosave";

afterEach(cleanup);

const UPDATED = new Date(Date.now() - 3 * 60_000);

function statusText(props: { isStreaming?: boolean; saveState?: SaveState; updatedAt?: Date }) {
  const { container } = render(
    <p>
      <SaveStatus isStreaming={props.isStreaming ?? false} saveState={props.saveState ?? "idle"} updatedAt={props.updatedAt} />
    </p>,
  );
  return container.textContent;
}

describe("SaveStatus", () => {
  it("says the model is writing, whatever the last save did", () => {
    expect(statusText({ isStreaming: true, saveState: "saved", updatedAt: UPDATED })).toBe(" Writing…");
  });

  it.each([
    ["saving", "Saving…"],
    ["dirty", "Unsaved changes"],
    ["error", "Not saved"],
    ["saved", "Saved"],
  ] as const)("names the save state %s", (saveState, text) => {
    expect(statusText({ saveState, updatedAt: UPDATED })).toBe(text);
  });

  it("shows a failed save as an error", () => {
    const { getByText } = render(<SaveStatus isStreaming={false} saveState="error" updatedAt={UPDATED} />);
    expect(getByText("Not saved").className).toContain("text-destructive");
  });

  it("says when the newest version was made until something is saved, and nothing before any version exists", () => {
    expect(statusText({ updatedAt: UPDATED })).toBe(`Updated ${formatRelative(UPDATED)}`);
    expect(statusText({})).toBe("");
  });
});
