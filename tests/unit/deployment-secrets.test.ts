import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { apiTokenMatches, hashApiToken, issueApiToken } from "@/server/deployments/api-token";
import { openSecret, sealSecret, secretsKey } from "@/server/deployments/secrets-crypto";

const key = crypto.randomBytes(32);
const id = "0b9c5f7e-3d1a-4c59-9a57-1f1c2f1d0e11";

describe("deployment secrets (AES-256-GCM)", () => {
  it("round-trips, and the ciphertext does not contain the plaintext", () => {
    const sealed = sealSecret(id, "HF_TOKEN", "hf_supersecretvalue", key);
    expect(Buffer.from(sealed.ciphertext, "base64").toString("utf8")).not.toContain("supersecret");
    expect(Buffer.from(sealed.iv, "base64")).toHaveLength(12);
    expect(Buffer.from(sealed.tag, "base64")).toHaveLength(16);
    expect(openSecret(id, "HF_TOKEN", sealed, key)).toBe("hf_supersecretvalue");
  });

  it("uses a fresh IV per value", () => {
    const a = sealSecret(id, "K", "same", key);
    const b = sealSecret(id, "K", "same", key);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it("refuses a wrong key, another row or name, and a tampered ciphertext", () => {
    const sealed = sealSecret(id, "K", "value", key);
    expect(() => openSecret(id, "K", sealed, crypto.randomBytes(32))).toThrow();
    expect(() => openSecret("11111111-1111-4111-8111-111111111111", "K", sealed, key)).toThrow();
    expect(() => openSecret(id, "OTHER", sealed, key)).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => openSecret(id, "K", { ...sealed, ciphertext: bytes.toString("base64") }, key)).toThrow();
  });

  it("reads SECRETS_KEY from the env module and rejects a key that is not 32 bytes", () => {
    const b64 = key.toString("base64");
    expect(secretsKey(parseEnv({ SECRETS_KEY: b64 })).equals(key)).toBe(true);
    expect(() => parseEnv({ SECRETS_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/SECRETS_KEY/);
  });
});

describe("deployment API token", () => {
  it("is shown once as a random token and stored as a hash with a short prefix", () => {
    const a = issueApiToken();
    const b = issueApiToken();
    expect(a.token).toMatch(/^rad_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.prefix).toBe(a.token.slice(0, 12));
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(4));
    expect(apiTokenMatches(a.token, a.hash)).toBe(true);
    expect(apiTokenMatches(b.token, a.hash)).toBe(false);
  });
});
