import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Markdown } from "./markdown";

// Counts parses: remark-gfm's attacher runs once for each processor react-markdown builds, one per parse.
const gfmAttached = vi.hoisted(() => ({ count: 0 }));
vi.mock("remark-gfm", async (importOriginal) => {
  const actual = await importOriginal<typeof import("remark-gfm")>();
  return {
    default: function countedGfm(this: unknown, ...args: Parameters<typeof actual.default>) {
      gfmAttached.count++;
      return actual.default.apply(this as never, args);
    },
  };
});

describe("Markdown on the server (no window)", () => {
  it("parses a text once and renders it the same each time", () => {
    const text = "A **bold** claim, a [link](https://example.com) and\n\n| a | b |\n| - | - |\n| 1 | 2 |";
    const before = gfmAttached.count;
    const first = renderToString(<Markdown>{text}</Markdown>);
    const second = renderToString(<Markdown>{text}</Markdown>);
    expect(gfmAttached.count - before).toBe(1);
    expect(second).toBe(first);
    expect(first).toContain("<strong");
    expect(first).toContain("<table");
  });

  it("keeps no tree for a long text, and still renders it", () => {
    const text = `**start** ${"word ".repeat(4000)}`;
    const before = gfmAttached.count;
    expect(renderToString(<Markdown>{text}</Markdown>)).toContain("<strong");
    expect(renderToString(<Markdown>{text}</Markdown>)).toContain("<strong");
    expect(gfmAttached.count - before).toBe(2);
  });

  it("renders each text as its own", () => {
    const one = renderToString(<Markdown>{"one *text*"}</Markdown>);
    const two = renderToString(<Markdown>{"two *text*"}</Markdown>);
    expect(one).toContain(">one <em>text</em>");
    expect(two).toContain(">two <em>text</em>");
  });

  it("renders with the caller's components rather than a tree held in the default style", () => {
    const text = "Some **shared** text";
    expect(renderToString(<Markdown>{text}</Markdown>)).toContain("<strong");
    const custom = renderToString(<Markdown components={{ strong: ({ children }) => <mark>{children}</mark> }}>{text}</Markdown>);
    expect(custom).toContain("<mark>shared</mark>");
    expect(custom).not.toContain("<strong");
  });
});
