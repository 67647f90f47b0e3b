// Signed mode, as self-hosted Inngest (`inngest start --signing-key … --event-key …`) and Inngest
// Cloud speak it to an SDK in cloud mode (checked against node_modules/inngest):
//   runner → app   X-Inngest-Signature: t=<unix s>&s=<hex HMAC-SHA256(key, canonicalJSON(body) + t)>
//   app → runner   the SDK signs its replies the same way over the raw reply body
//   app → runner   API calls (/fn/register, /v1/…) carry Authorization: Bearer <hashed key>
//   app → runner   events go to POST /e/<event key>
// The HMAC key is the signing key without its `signkey-<env>-` prefix, as UTF-8 text (the SDK's
// removeSigningKeyPrefix); the bearer token is that prefix + sha256 of the hex-decoded key.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface SigningOptions {
  /** Hex, even length (`openssl rand -hex 32`); a `signkey-<env>-` prefix is allowed. */
  signingKey: string;
  /** Keys accepted on POST /e/:key. */
  eventKeys: string[];
}

const PREFIX = /^signkey-\w+-/;
/** How far a signature's timestamp may be from now, as the SDK allows. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export function stripKeyPrefix(key: string): string {
  return key.replace(PREFIX, "");
}

/** Throws unless the key is what `inngest start` accepts: hex digits, an even number of them. */
export function assertSigningKey(key: string, name = "signing key"): void {
  const bare = stripKeyPrefix(key);
  if (!/^(?:[0-9a-f]{2})+$/i.test(bare)) {
    throw new Error(`${name} must be hex with an even number of digits (e.g. from \`openssl rand -hex 32\`)`);
  }
}

/** RFC 8785 (JCS) form of JSON data, as the `canonicalize` package the SDK verifies with writes it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .flatMap((k) => {
      const v: unknown = Reflect.get(value, k);
      return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
    });
  return `{${entries.join(",")}}`;
}

function hmacHex(key: string, message: string): string {
  return createHmac("sha256", stripKeyPrefix(key)).update(message).digest("hex");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The X-Inngest-Signature value for `text` at `nowMs`. */
export function signature(key: string, text: string, nowMs: number): string {
  const t = String(Math.floor(nowMs / 1000));
  return `t=${t}&s=${hmacHex(key, text + t)}`;
}

/**
 * A request body and its signature. The SDK checks the HMAC over canonicalize(JSON.parse(body)),
 * so the body is sent in that canonical form (as the Go server's jcs.Transform does).
 */
export function signedJson(key: string, value: unknown, nowMs: number): { body: string; signature: string } {
  const body = canonicalJson(JSON.parse(JSON.stringify(value)));
  return { body, signature: signature(key, body, nowMs) };
}

export type Verification = { ok: true } | { ok: false; reason: string };

/** Checks a signature over `text` (a reply body, verbatim), including its age. */
export function verifySignature(key: string, header: string | null, text: string, nowMs: number): Verification {
  if (!header) return { ok: false, reason: "no X-Inngest-Signature" };
  const params = new URLSearchParams(header);
  const t = params.get("t") ?? "";
  const s = params.get("s") ?? "";
  if (!/^\d+$/.test(t) || !s) return { ok: false, reason: "malformed X-Inngest-Signature" };
  if (Math.abs(nowMs - Number(t) * 1000) > MAX_SIGNATURE_AGE_MS) return { ok: false, reason: "signature has expired" };
  return sameText(hmacHex(key, text + t), s) ? { ok: true } : { ok: false, reason: "invalid signature" };
}

/** The token the SDK sends as `Authorization: Bearer …` (its hashSigningKey). */
export function hashedSigningKey(key: string): string {
  const prefix = PREFIX.exec(key)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(stripKeyPrefix(key), "hex")).digest("hex");
}

/** Accepts `Bearer <hashed key>` or `Bearer <key>`, with or without the env prefix, as Inngest does. */
export function bearerMatches(key: string, authorization: string | undefined): boolean {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return false;
  const bare = stripKeyPrefix(token);
  return sameText(bare, stripKeyPrefix(hashedSigningKey(key))) || sameText(bare, stripKeyPrefix(key));
}

export function eventKeyMatches(keys: string[], key: string): boolean {
  return keys.some((k) => sameText(k, key));
}
