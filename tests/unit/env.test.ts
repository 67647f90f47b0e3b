import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientSchema, env, parseEnv, serverSchema, sharedSchema } from "@/env";

const example = fs.readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8");
/** `NAME=value` lines of .env.example (comments explain them). */
const documented = new Map(
  example
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => [m[1] ?? "", m[2] ?? ""]),
);

describe(".env.example", () => {
  // Shared variables (NODE_ENV) are set by Node and Next.js, not by whoever deploys.
  const declared = [...Object.keys(serverSchema), ...Object.keys(clientSchema)];

  it("documents every variable the env module declares", () => {
    expect(declared.filter((k) => !documented.has(k))).toEqual([]);
  });

  it("lists no variable the env module does not declare", () => {
    expect([...documented.keys()].filter((k) => !declared.includes(k) && !(k in sharedSchema))).toEqual([]);
  });

  it("holds values the schema accepts", () => {
    expect(() => parseEnv(Object.fromEntries(documented))).not.toThrow();
  });
});

describe("env", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("treats empty and blank values as unset, so defaults apply", () => {
    const e = parseEnv({ CHAT_DAILY_MESSAGE_LIMIT: "", OPENAI_API_KEY: "   ", OPENAI_MODELS: " a, b ,a," });
    expect(e.CHAT_DAILY_MESSAGE_LIMIT).toBe(100);
    expect(e.OPENAI_API_KEY).toBeUndefined();
    expect(e.OPENAI_MODELS).toEqual(["a", "b"]);
  });

  it("reads only the variables it is given", () => {
    vi.stubEnv("CHAT_DAILY_MESSAGE_LIMIT", "7");
    expect(parseEnv({}).CHAT_DAILY_MESSAGE_LIMIT).toBe(100);
  });

  it("names every invalid variable in one start-up error, without echoing values", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "postgres//secret-password@nowhere", CHAT_DAILY_MESSAGE_LIMIT: "lots", LOG_LEVEL: "loud" });
    } catch (err) {
      message = err instanceof Error ? err.message : String(err);
    }
    expect(message).toMatch(/^Invalid environment variables/);
    expect(message).toMatch(/DATABASE_URL: /);
    expect(message).toMatch(/CHAT_DAILY_MESSAGE_LIMIT: /);
    expect(message).toMatch(/LOG_LEVEL: /);
    expect(message).not.toContain("secret-password");
  });

  it("follows the process environment when a variable changes (tests set some between cases)", () => {
    vi.stubEnv("CHAT_DAILY_MESSAGE_LIMIT", "2");
    expect(env.CHAT_DAILY_MESSAGE_LIMIT).toBe(2);
    vi.stubEnv("CHAT_DAILY_MESSAGE_LIMIT", "");
    expect(env.CHAT_DAILY_MESSAGE_LIMIT).toBe(100);
    vi.stubEnv("CHAT_DAILY_MESSAGE_LIMIT", "-1");
    expect(() => env.CHAT_DAILY_MESSAGE_LIMIT).toThrow(/CHAT_DAILY_MESSAGE_LIMIT/);
  });
});
