import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/models?type=chat", "/models?type=chat"],
    ["/chat/abc#top", "/chat/abc#top"],
    ["/a/./b/../c", "/a/c"],
    // An encoded slash in the query (a nested redirect_url) is harmless and kept.
    ["/sign-in?redirect_url=%2Fmodels", "/sign-in?redirect_url=%2Fmodels"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it.each([
    // Paths that the URL parser normalises into a protocol-relative "//evil.example".
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    // Protocol-relative and backslash forms.
    "//x",
    "//evil.example/path",
    "/\\x",
    "\\\\x",
    "\\/evil.example",
    // Absolute and scripted URLs.
    "https://evil.example",
    "http://same.site/x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    // Whitespace that browsers strip.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\t//evil.example",
    " //evil.example",
    // Encoded slashes and backslashes in the path.
    "/%2f/evil.example",
    "/%2F%2Fevil.example",
    "/%5c/evil.example",
    "/%5C%5Cevil.example",
    // Not a path at all.
    "models",
    "",
    42,
    null,
    undefined,
  ])("rejects %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
    expect(safeRedirectPath(value, "/fallback")).toBe("/fallback");
  });

  it("never returns a Location a browser would read as another host", () => {
    const vectors = ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example", "//x", "/\\x", "\\\\x"];
    for (const v of vectors) {
      const out = safeRedirectPath(v);
      expect(new URL(out, "https://app.example").host, v).toBe("app.example");
    }
  });
});
