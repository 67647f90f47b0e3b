/**
 * API keys (`rad_…`): shown once at creation, stored only as their SHA-256 with a short visible
 * prefix (so the UI can say which key it is). A key carries 256 random bits, so a fast hash is
 * enough: there is nothing to brute-force. The deployment wizard's token is such a key.
 */
import "server-only";
import crypto from "node:crypto";

export const API_TOKEN_PREFIX = "rad_";
const VISIBLE_CHARS = 8;

export interface IssuedToken {
  token: string;
  hash: string;
  prefix: string;
}

export function hashApiToken(token: string): string {
  // One-shot: a fraction of createHash()'s cost, and every gateway request hashes its key.
  return crypto.hash("sha256", token, "hex");
}

export function issueApiToken(): IssuedToken {
  const token = `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + VISIBLE_CHARS) };
}

/** Whether a presented string has the shape of one of our keys (checked before any lookup). */
export function looksLikeApiToken(token: string): boolean {
  // `rdm_`: wizard tokens issued before keys existed, carried over into api_keys by migration 0008.
  return /^(rad|rdm)_[A-Za-z0-9_-]{43}$/.test(token);
}

/** Constant-time check of a presented token against a stored hash. */
export function apiTokenMatches(token: string, hash: string): boolean {
  return hashesMatch(hashApiToken(token), hash);
}

/** Constant-time comparison of two hex hashes (a presented token's, already computed, and a stored one). */
export function hashesMatch(presented: string, stored: string): boolean {
  const a = Buffer.from(presented, "hex");
  const b = Buffer.from(stored, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
