import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { apiBaseUrl, codeSamples, curlSample, shellQuote } from "./code-samples";

const BASE = "http://127.0.0.1:3100/api/v1";

describe("apiBaseUrl", () => {
  it("appends /api/v1 to the origin, dropping a trailing slash", () => {
    expect(apiBaseUrl("https://radium.example/")).toBe("https://radium.example/api/v1");
    expect(apiBaseUrl("http://127.0.0.1:3100")).toBe(BASE);
  });
});

describe("shellQuote", () => {
  it("survives sh with quotes and dollars inside", () => {
    const tricky = `it's $HOME "quoted"`;
    expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(tricky)}`], { encoding: "utf8" })).toBe(tricky);
  });
});

describe("curlSample", () => {
  it("is one sh command whose arguments are the URL, the key header from the env and the JSON body", () => {
    const sample = curlSample(BASE, "my-llama");
    // Replace curl with a printer of its arguments, one per line, and run the sample as sh would.
    const args = execFileSync("sh", ["-c", `RADIUM_API_KEY=rad_test\ncurl() { printf '%s\\n' "$@"; }\n${sample}`], { encoding: "utf8" })
      .trimEnd()
      .split("\n");
    expect(args).toEqual([
      "-sS",
      `${BASE}/chat/completions`,
      "-H",
      "Authorization: Bearer rad_test",
      "-H",
      "Content-Type: application/json",
      "-d",
      '{"model":"my-llama","messages":[{"role":"user","content":"Hello"}]}',
    ]);
  });
});

describe("codeSamples", () => {
  it("fills the base URL and model into every language and reads the key from the environment", () => {
    const samples = codeSamples(BASE, "my-llama");
    for (const text of Object.values(samples)) {
      expect(text).toContain(BASE);
      expect(text).toContain('"my-llama"');
      expect(text).toContain("RADIUM_API_KEY");
      expect(text).not.toMatch(/rad_[A-Za-z0-9]/);
    }
    expect(samples.python).toContain("from openai import OpenAI");
    expect(samples.typescript).toContain('import OpenAI from "openai"');
  });
});
