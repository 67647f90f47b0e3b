// Unit tests of signed mode's pieces: canonical JSON, signatures, bearer tokens, reply checks, env.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { interpretReply, requestInit, signedReplyCheck } from "./call";
import { parseEnv } from "../../env";
import { optionsFromEnv } from "./config";
import {
  assertSigningKey,
  bearerMatches,
  canonicalJson,
  eventKeyMatches,
  hashedSigningKey,
  signature,
  signedJson,
  verifySignature,
} from "./signing";

const KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

describe("canonical JSON (RFC 8785, as the SDK's canonicalize writes it)", () => {
  it("sorts keys at every level, drops undefined members and writes undefined array items as null", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, undefined, { z: true, y: null }], c: "x" }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,null,{"y":null,"z":true}]},"b":1}',
    );
  });
  it("orders keys by UTF-16 code units and writes numbers and strings as JSON.stringify does", () => {
    expect(canonicalJson({ "é": 1, Z: 2, a: 3, "10": 4, "9": 5 })).toBe('{"10":4,"9":5,"Z":2,"a":3,"é":1}');
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, "\u2028\n\"", "😀"])).toBe('[1e+21,0.1,0,1.5e-7,"\u2028\\n\\"","😀"]');
  });
});

describe("signatures", () => {
  it("signs the canonical body plus the timestamp with the key (prefix removed) as text", () => {
    const { body, signature: sig } = signedJson(`signkey-test-${KEY}`, { z: 1, a: [2] }, NOW);
    expect(body).toBe('{"a":[2],"z":1}');
    const t = String(NOW / 1000);
    expect(sig).toBe(`t=${t}&s=${createHmac("sha256", KEY).update(body + t).digest("hex")}`);
  });
  it("verifies a good signature and refuses a missing, forged, tampered or expired one", () => {
    const sig = signature(KEY, "body", NOW);
    expect(verifySignature(KEY, sig, "body", NOW + 60_000)).toEqual({ ok: true });
    expect(verifySignature(KEY, null, "body", NOW)).toEqual({ ok: false, reason: "no X-Inngest-Signature" });
    expect(verifySignature(KEY, "garbage", "body", NOW)).toEqual({ ok: false, reason: "malformed X-Inngest-Signature" });
    expect(verifySignature(KEY.replace("9", "8"), sig, "body", NOW)).toEqual({ ok: false, reason: "invalid signature" });
    expect(verifySignature(KEY, sig, "body!", NOW)).toEqual({ ok: false, reason: "invalid signature" });
    expect(verifySignature(KEY, sig, "body", NOW + 6 * 60_000)).toEqual({ ok: false, reason: "signature has expired" });
  });
  it("marks requests as coming from a cloud server only when signed", () => {
    expect(requestInit({ b: 1, a: 2 }, null, NOW)).toEqual({
      headers: { "content-type": "application/json", "x-inngest-server-kind": "dev" },
      body: '{"b":1,"a":2}',
    });
    const signed = requestInit({ b: 1, a: 2 }, KEY, NOW);
    expect(signed.body).toBe('{"a":2,"b":1}');
    expect(signed.headers).toMatchObject({ "x-inngest-server-kind": "cloud", "x-inngest-signature": signature(KEY, signed.body, NOW) });
  });
});

describe("bearer tokens and event keys", () => {
  const hashed = createHash("sha256").update(Buffer.from(KEY, "hex")).digest("hex");
  it("hashes the hex-decoded key, keeping the env prefix, as the SDK's hashSigningKey", () => {
    expect(hashedSigningKey(KEY)).toBe(hashed);
    expect(hashedSigningKey(`signkey-prod-${KEY}`)).toBe(`signkey-prod-${hashed}`);
  });
  it("accepts the hashed or the plain key, with or without prefix, and nothing else", () => {
    for (const ok of [hashed, KEY, `signkey-prod-${hashed}`, `signkey-branch-${KEY}`]) expect(bearerMatches(KEY, `Bearer ${ok}`), ok).toBe(true);
    for (const bad of [undefined, "", "Bearer", "Bearer undefined", `Basic ${hashed}`, `Bearer ${hashed.slice(1)}`, `Bearer ${KEY}0`]) {
      expect(bearerMatches(KEY, bad), String(bad)).toBe(false);
    }
  });
  it("matches event keys exactly", () => {
    expect(eventKeyMatches(["a1", "b2"], "b2")).toBe(true);
    expect(eventKeyMatches(["a1"], "A1")).toBe(false);
    expect(eventKeyMatches(["a1"], "")).toBe(false);
  });
  it("takes hex keys of even length only, as `inngest start` does", () => {
    expect(() => assertSigningKey(KEY)).not.toThrow();
    expect(() => assertSigningKey(`signkey-prod-${KEY}`)).not.toThrow();
    for (const bad of ["", "abc", "xyz0", "not a key"]) expect(() => assertSigningKey(bad), bad).toThrow(/hex with an even number of digits/);
  });
});

describe("replies in signed mode", () => {
  const check = signedReplyCheck(KEY, () => NOW);
  const signedHeaders = (text: string) => new Headers({ "x-inngest-signature": signature(KEY, text, NOW) });
  it("takes a signed reply at its word", () => {
    expect(interpretReply(200, signedHeaders('{"ok":1}'), '{"ok":1}', NOW, check)).toEqual({ kind: "complete", output: { ok: 1 } });
  });
  it("turns an unsigned, forged or refused reply into a retriable error that says what to fix", () => {
    const unsigned = interpretReply(200, new Headers(), "{}", NOW, check);
    expect(unsigned).toMatchObject({ kind: "error", retriable: true });
    expect(unsigned.kind === "error" && unsigned.error.message).toMatch(/not signed: run the app in cloud mode/);
    const forged = interpretReply(206, new Headers({ "x-inngest-signature": signature(KEY, "other", NOW) }), "[]", NOW, check);
    expect(forged.kind === "error" && forged.error.message).toMatch(/failed verification: invalid signature/);
    const refused = interpretReply(401, new Headers(), '{"message":"Unauthorized"}', NOW, check);
    expect(refused.kind === "error" && refused.error.message).toMatch(/refused the runner's signature \(401\)/);
  });
  it("checks the inner reply of a streamed (201) answer", () => {
    const inner = JSON.stringify({ status: 200, headers: Object.fromEntries(signedHeaders('"done"')), body: '"done"' });
    expect(interpretReply(201, new Headers(), `  ${inner}`, NOW, check)).toEqual({ kind: "complete", output: "done" });
  });
});

describe("signed mode from the environment", () => {
  it("is off by default and on with a signing key and event keys", () => {
    expect(optionsFromEnv(parseEnv({}), "/repo").signing).toBeUndefined();
    expect(optionsFromEnv(parseEnv({ INNGEST_RUNNER_SIGNING_KEY: KEY, INNGEST_RUNNER_EVENT_KEY: "k1, k2" }), "/repo").signing).toEqual({
      signingKey: KEY,
      eventKeys: ["k1", "k2"],
    });
  });
  it("ignores the app's own INNGEST_SIGNING_KEY and refuses half a configuration", () => {
    expect(optionsFromEnv(parseEnv({ INNGEST_SIGNING_KEY: KEY, INNGEST_EVENT_KEY: "k" }), "/repo").signing).toBeUndefined();
    expect(() => optionsFromEnv(parseEnv({ INNGEST_RUNNER_SIGNING_KEY: KEY }))).toThrow(/needs INNGEST_RUNNER_EVENT_KEY/);
    expect(() => optionsFromEnv(parseEnv({ INNGEST_RUNNER_EVENT_KEY: "k" }))).toThrow(/needs INNGEST_RUNNER_SIGNING_KEY/);
    expect(() => optionsFromEnv(parseEnv({ INNGEST_RUNNER_SIGNING_KEY: "nothex", INNGEST_RUNNER_EVENT_KEY: "k" }))).toThrow(
      /INNGEST_RUNNER_SIGNING_KEY must be hex/,
    );
  });
});
