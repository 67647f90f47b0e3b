import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./path-encoding";

describe("isDecodablePath", () => {
  it.each(["/", "/api/files/user_a/b/c.txt", "/api/files/user_a/b/%25", "/models/%E0%A4%A4", "/a%20b"])("accepts %s", (path) => {
    expect(isDecodablePath(path)).toBe(true);
  });
  it.each(["/api/files/user_a/b/%E0%A4%A", "/api/trpc/%E0%A4%A", "/%", "/%zz", "/%C0%AF", "/%FF"])("refuses %s", (path) => {
    expect(isDecodablePath(path)).toBe(false);
  });
});
