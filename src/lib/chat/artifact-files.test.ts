import { describe, expect, it } from "vitest";
import { detectCodeLanguage, downloadFileName, mimeTypeFor } from "./artifact-files";

describe("detectCodeLanguage", () => {
  it("prefers an extension or language named in the title", () => {
    expect(detectCodeLanguage("fib.ts", "")).toBe("typescript");
    expect(detectCodeLanguage("Python function to reverse a string", "")).toBe("python");
    expect(detectCodeLanguage("A JavaScript debounce helper", "")).toBe("javascript");
    expect(detectCodeLanguage("Go HTTP server", "")).toBe("go");
  });

  it("falls back to the content", () => {
    expect(detectCodeLanguage("Fibonacci", "def fib(n):\n    return n")).toBe("python");
    expect(detectCodeLanguage("Fibonacci", "export function fib(n) {\n  return n;\n}")).toBe("javascript");
    expect(detectCodeLanguage("Fibonacci", "fn main() {\n}")).toBe("rust");
  });
});

describe("downloadFileName", () => {
  it("uses the kind's extension and a slug of the title", () => {
    expect(downloadFileName("The Ocean: An Essay", "text")).toBe("the-ocean-an-essay.md");
    expect(downloadFileName("Monthly budget", "sheet")).toBe("monthly-budget.csv");
    expect(downloadFileName("Python fibonacci", "code", "def fib(n): pass")).toBe("python-fibonacci.py");
    expect(downloadFileName("fib.ts", "code")).toBe("fib.ts");
    expect(downloadFileName("!!!", "text")).toBe("document.md");
  });

  it("gives each kind a content type", () => {
    expect(mimeTypeFor("sheet")).toContain("text/csv");
    expect(mimeTypeFor("text")).toContain("markdown");
    expect(mimeTypeFor("code")).toContain("text/plain");
  });
});
