// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { StreamingDocument } from "@/lib/chat/document-stream";
import { ArtifactPanel } from "./artifact-panel";

type Version = { id: string; createdAt: Date; title: string; kind: "text"; content: string };

// The panel's server calls, answered from `server` (tRPC's hooks need a client and a router otherwise).
const { server, utils, calls } = vi.hoisted(() => {
  const calls = {
    save: vi.fn(async (_input: { id: string; content: string; replace?: Date }) => ({ createdAt: new Date("2026-01-03T00:00:00Z") })),
    restore: vi.fn(),
    resolve: vi.fn(),
  };
  const server: { data: { versions: Version[]; isOwner: boolean } | undefined } = { data: undefined };
  const utils = {
    documents: { versions: { setData: vi.fn(), invalidate: vi.fn(async () => {}) } },
    suggestions: { byDocument: { setData: vi.fn(), invalidate: vi.fn(async () => {}) } },
  };
  return { server, utils, calls };
});
vi.mock("@/trpc/react", () => ({
  api: {
    useUtils: () => utils,
    documents: {
      versions: { useQuery: () => ({ data: server.data, isPending: server.data === undefined, isError: false }) },
      save: { useMutation: () => ({ mutateAsync: calls.save }) },
      restore: {
        useMutation: (opts: { onSuccess: () => Promise<void> }) => ({
          mutate: (vars: unknown) => {
            calls.restore(vars);
            void opts.onSuccess();
          },
          isPending: false,
        }),
      },
    },
    suggestions: {
      byDocument: { useQuery: () => ({ data: [] }) },
      resolve: { useMutation: () => ({ mutate: calls.resolve }) },
    },
  },
}));
vi.mock("sonner", () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

beforeAll(() => {
  // Radix measures tooltips with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const DOC = { id: "d1", title: "The ocean", kind: "text" as const };
const V1 = { id: "d1", createdAt: new Date("2026-01-01T00:00:00Z"), title: "The ocean", kind: "text" as const, content: "The ocean is big." };
const V2 = { ...V1, createdAt: new Date("2026-01-02T00:00:00Z"), content: "The ocean is vast." };

beforeEach(() => {
  server.data = { versions: [V1, V2], isOwner: true };
  vi.clearAllMocks();
});
afterEach(cleanup);

function renderPanel(props: { streaming?: StreamingDocument | null; chatReadonly?: boolean } = {}) {
  const onClose = vi.fn();
  const onPrompt = vi.fn();
  const registerFlush = vi.fn();
  const view = render(
    <>
      <ArtifactPanel
        doc={DOC}
        streaming={props.streaming ?? null}
        chatReadonly={props.chatReadonly ?? false}
        chatBusy={false}
        onClose={onClose}
        onPrompt={onPrompt}
        registerFlush={registerFlush}
      />
      <button type="button">Outside</button>
    </>,
  );
  return { ...view, onClose, onPrompt, registerFlush, panel: screen.getByTestId("artifact-panel") };
}

describe("ArtifactPanel", () => {
  it("shows the newest version, named by kind and title", () => {
    const { panel } = renderPanel();
    expect(panel.getAttribute("aria-label")).toBe("Document: The ocean");
    expect(screen.getByTestId("artifact-title").textContent).toBe("The ocean");
    expect(screen.getByTestId("version-label").textContent).toBe("Version 2 of 2");
    expect(screen.getByTestId("text-preview").textContent).toContain("The ocean is vast.");
    expect(screen.queryByTestId("artifact-readonly")).toBeNull();
  });

  it("closes on Escape, but not on an Escape meant for the editor", async () => {
    const user = userEvent.setup();
    const { onClose } = renderPanel();
    await user.click(screen.getByRole("tab", { name: "Edit markdown" }));
    await user.click(screen.getByTestId("text-editor"));
    await user.keyboard("{Escape}");
    expect(onClose).not.toHaveBeenCalled();

    // (Not from a button with a tooltip: Radix closes the open tooltip on that Escape and marks it handled.)
    await user.click(screen.getByRole("tab", { name: "Preview" }));
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("saves the owner's typing when focus leaves the editor, not when it moves within it", async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole("tab", { name: "Edit markdown" }));
    const editor = screen.getByTestId("text-editor");
    await user.click(editor);
    fireEvent.change(editor, { target: { value: "The ocean is deep." } });
    expect(screen.getByTestId("artifact-status").textContent).toBe("Unsaved changes");

    await user.click(screen.getByRole("tab", { name: "Preview" }));
    expect(calls.save).not.toHaveBeenCalled();
    // The draft stays on screen until the saved versions catch up.
    expect(screen.getByTestId("text-preview").textContent).toContain("The ocean is deep.");

    await user.click(screen.getByRole("button", { name: "Outside" }));
    expect(calls.save).toHaveBeenCalledWith({ id: "d1", content: "The ocean is deep.", replace: undefined });
    expect(screen.getByTestId("artifact-status").textContent).toBe("Saved");
    expect(utils.documents.versions.setData).toHaveBeenCalledTimes(1);
  });

  it("steps back to an older version, which the owner may restore", async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole("button", { name: "Previous version" }));
    expect(screen.getByTestId("version-label").textContent).toBe("Version 1 of 2");
    expect(screen.getByText("You are viewing an older version. Restore it to continue from here.")).toBeTruthy();
    expect(screen.getByTestId("text-preview").textContent).toContain("The ocean is big.");
    expect(screen.queryByRole("tab", { name: "Edit markdown" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    expect(calls.restore).toHaveBeenCalledWith({ id: "d1", createdAt: V1.createdAt });
    expect(screen.getByTestId("version-label").textContent).toBe("Version 2 of 2");
    expect(screen.queryByText(/You are viewing an older version/)).toBeNull();
  });

  it("shows the changes against the previous version, and hides them again", async () => {
    const user = userEvent.setup();
    renderPanel();
    const toggle = screen.getByRole("button", { name: "Show changes" });
    await user.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("version-diff")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Hide changes" }));
    expect(screen.queryByTestId("version-diff")).toBeNull();
  });

  it("is read-only for a viewer: no editing, no restore, no prompts", async () => {
    server.data = { versions: [V1, V2], isOwner: false };
    const user = userEvent.setup();
    renderPanel();
    expect(screen.getByTestId("artifact-readonly").textContent).toBe("Read-only");
    expect(screen.queryByRole("tablist", { name: "Editor mode" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Ask the assistant" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Previous version" }));
    expect(screen.getByText("You are viewing an older version.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Restore this version" })).toBeNull();
    expect(screen.getByRole("button", { name: "Back to latest" })).toBeTruthy();
  });

  it("shows the model's text while it writes, without the version bar", () => {
    const streaming: StreamingDocument = { ...DOC, action: "update", content: "The ocean is", status: "streaming", createdAt: null };
    renderPanel({ streaming });
    expect(screen.getByTestId("artifact-status").textContent).toBe(" Writing…");
    expect(screen.getByTestId("text-preview").textContent).toContain("The ocean is");
    expect(screen.queryByTestId("version-bar")).toBeNull();
    const prompts = screen.getByRole("region", { name: "Ask the assistant" });
    for (const button of within(prompts).getAllByRole("button")) expect(button).toHaveProperty("disabled", true);
  });

  it("saves pending typing before sending a prompt", async () => {
    const user = userEvent.setup();
    const { onPrompt } = renderPanel();
    await user.click(screen.getByRole("tab", { name: "Edit markdown" }));
    fireEvent.change(screen.getByTestId("text-editor"), { target: { value: "The ocean is deep." } });
    await user.click(screen.getByRole("button", { name: "Make it shorter" }));
    expect(calls.save).toHaveBeenCalledTimes(1);
    expect(onPrompt).toHaveBeenCalledWith("Make it shorter");
    expect(calls.save.mock.invocationCallOrder[0]).toBeLessThan(onPrompt.mock.invocationCallOrder[0]!);
  });

  it("hands the chat its flush while open, and saves pending typing on closing", async () => {
    const user = userEvent.setup();
    const { registerFlush, unmount } = renderPanel();
    expect(registerFlush).toHaveBeenCalledWith(expect.any(Function));
    await user.click(screen.getByRole("tab", { name: "Edit markdown" }));
    fireEvent.change(screen.getByTestId("text-editor"), { target: { value: "The ocean is deep." } });
    unmount();
    await act(async () => {});
    expect(registerFlush).toHaveBeenLastCalledWith(null);
    expect(calls.save).toHaveBeenCalledWith({ id: "d1", content: "The ocean is deep.", replace: undefined });
  });
});
