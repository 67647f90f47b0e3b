import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env } from "@/env";

/** The local sign-in's cookie: used only when Clerk keys are absent. */
export const LOCAL_SESSION_COOKIE = "radium_session";
export const LOCAL_SESSION_MAX_AGE_S = 60 * 60 * 24 * 30;

export const localSessionSchema = z.object({
  /** The session's row in `local_sessions`: signing out deletes it. */
  sid: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  sub: z.string().regex(/^user_[A-Za-z0-9]{27}$/),
  name: z.string().min(1).max(100),
  email: z.email().max(254),
  iat: z.number().int(),
});
export type LocalSession = z.infer<typeof localSessionSchema>;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Same email → same Clerk-shaped ID (`user_` + 27 base62 chars), across restarts and machines. */
export function localUserIdFor(email: string): string {
  const digest = crypto.createHash("sha256").update(`radium-local:${email.trim().toLowerCase()}`).digest();
  let n = BigInt(`0x${digest.toString("hex")}`);
  let out = "";
  while (out.length < 27) {
    out += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return `user_${out}`;
}

let cachedSecret: Buffer | undefined;

/** AUTH_SECRET, or a random secret kept in `.data/` so sessions survive restarts. */
export function sessionSecret(): Buffer {
  if (cachedSecret) return cachedSecret;
  const fromEnv = env.AUTH_SECRET;
  if (fromEnv) return (cachedSecret = Buffer.from(fromEnv));
  const file = path.join(process.cwd(), ".data", "auth-secret");
  try {
    cachedSecret = fs.readFileSync(file);
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
    } catch {
      // Another worker won the race; use its secret.
    }
    cachedSecret = fs.readFileSync(file);
  }
  return cachedSecret;
}

function mac(payload: string, secret: Buffer) {
  return crypto.createHmac("sha256", secret).update(payload).digest("base64url");
}

/** A fresh, unguessable session id (128 random bits). */
export function newLocalSessionId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export function signLocalSession(input: { sid: string; name: string; email: string }, secret = sessionSecret()): string {
  const session: LocalSession = {
    sid: input.sid,
    sub: localUserIdFor(input.email),
    name: input.name.trim(),
    email: input.email.trim().toLowerCase(),
    iat: Math.floor(Date.now() / 1000),
  };
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * Returns the session, or null for a missing, tampered, malformed or expired cookie. This checks
 * the signature only; `activeLocalSession` (local-session-store.ts) also checks it was not revoked.
 */
export function verifyLocalSession(token: string | undefined | null, secret = sessionSecret()): LocalSession | null {
  if (!token) return null;
  const [payload, sig] = token.split(".");
  if (!payload || !sig) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const parsed = localSessionSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString()));
    if (!parsed.success) return null;
    if (parsed.data.iat + LOCAL_SESSION_MAX_AGE_S < Date.now() / 1000) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
