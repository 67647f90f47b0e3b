import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/models?type=chat")).toBe("/models?type=chat");
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "models", 42, null, undefined])(
    "rejects %s",
    (value) => {
      expect(safeRedirectPath(value)).toBe("/");
    },
  );
});
