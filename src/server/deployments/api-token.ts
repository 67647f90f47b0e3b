/**
 * A deployment's API token: shown once at creation, stored only as its SHA-256 with a short
 * visible prefix (so the UI can say which token it is). The token carries 256 random bits, so a
 * fast hash is enough: there is nothing to brute-force.
 */
import "server-only";
import crypto from "node:crypto";

export const API_TOKEN_PREFIX = "rdm_";
const VISIBLE_CHARS = 8;

export interface IssuedToken {
  token: string;
  hash: string;
  prefix: string;
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function issueApiToken(): IssuedToken {
  const token = `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + VISIBLE_CHARS) };
}

/** Constant-time check of a presented token against a stored hash (used by the gateway). */
export function apiTokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashApiToken(token), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
