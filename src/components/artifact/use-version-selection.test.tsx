// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useVersionSelection } from "./use-version-selection";

afterEach(cleanup);

function setup(initial: string[]) {
  const hook = renderHook(({ versions }) => useVersionSelection(versions), { initialProps: { versions: initial } });
  return { selection: () => hook.result.current, setVersions: (versions: string[]) => hook.rerender({ versions }) };
}

describe("useVersionSelection", () => {
  it("shows the newest version, with the one before it to compare", () => {
    const { selection } = setup(["v1", "v2", "v3"]);
    expect(selection()).toMatchObject({ viewIndex: 2, viewing: "v3", previous: "v2", isLatest: true });
  });

  it("steps back and forward, and not past the first version", () => {
    const { selection } = setup(["v1", "v2", "v3"]);
    act(() => selection().showPrevious());
    expect(selection()).toMatchObject({ viewIndex: 1, viewing: "v2", previous: "v1", isLatest: false });
    act(() => selection().showPrevious());
    act(() => selection().showPrevious());
    expect(selection()).toMatchObject({ viewIndex: 0, viewing: "v1", previous: undefined });
    act(() => selection().showNext());
    expect(selection().viewing).toBe("v2");
    act(() => selection().showLatest());
    expect(selection()).toMatchObject({ viewing: "v3", isLatest: true });
  });

  it("stays on an older version when a new one arrives, and follows new ones once back on the newest", () => {
    const { selection, setVersions } = setup(["v1", "v2"]);
    act(() => selection().showPrevious());
    setVersions(["v1", "v2", "v3"]);
    expect(selection()).toMatchObject({ viewing: "v1", isLatest: false });

    act(() => selection().showNext());
    act(() => selection().showNext());
    expect(selection()).toMatchObject({ viewing: "v3", isLatest: true });
    setVersions(["v1", "v2", "v3", "v4"]);
    expect(selection()).toMatchObject({ viewing: "v4", isLatest: true });
  });

  it("shows the newest when the version picked no longer exists", () => {
    const { selection, setVersions } = setup(["v1", "v2", "v3"]);
    act(() => selection().showPrevious());
    setVersions(["v1"]);
    expect(selection()).toMatchObject({ viewIndex: 0, viewing: "v1", isLatest: true });
  });

  it("has nothing to show before any version exists", () => {
    const { selection } = setup([]);
    expect(selection()).toMatchObject({ viewing: undefined, previous: undefined, isLatest: true });
  });
});
