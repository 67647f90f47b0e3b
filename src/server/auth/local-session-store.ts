import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { localSessions } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import {
  LOCAL_SESSION_MAX_AGE_S,
  localUserIdFor,
  newLocalSessionId,
  signLocalSession,
  verifyLocalSession,
  type LocalSession,
} from "./local-session";

/**
 * Starts a local session for a user whose `users` row exists: records it and returns the signed
 * cookie value. The user's expired rows are cleared here, so the table stays small without a sweeper.
 */
export async function startLocalSession(db: Db, input: { name: string; email: string }, secret?: Buffer): Promise<string> {
  const sid = newLocalSessionId();
  const userId = localUserIdFor(input.email);
  const now = Date.now();
  await db.delete(localSessions).where(and(eq(localSessions.userId, userId), lte(localSessions.expiresAt, new Date(now))));
  await db.insert(localSessions).values({ id: sid, userId, expiresAt: new Date(now + LOCAL_SESSION_MAX_AGE_S * 1000) });
  return signLocalSession({ sid, ...input }, secret);
}

/**
 * How long a session the database has confirmed is trusted without asking again. Every tRPC call
 * and page load checks its session; without this, a list poll spent one query in two on it (and on
 * PGlite every query is work for its one thread). A sign-out in this process forgets the
 * session at once; a sign-out handled by another process takes effect here within this time.
 */
export const SESSION_RECHECK_MS = 5_000;
const MAX_CONFIRMED = 10_000;

interface SessionMemory {
  /** Sessions recently confirmed by the database: sid → owner and until when it is trusted. */
  confirmed: Map<string, { userId: string; until: number }>;
  /**
   * When a session (`sid`) or all of a user's (`user:<id>`) were last ended here: a check that read
   * the row before the delete and answers after it must not put the session back into `confirmed`.
   */
  revoked: Map<string, number>;
  /**
   * Checks under way: sid → owner and the pending answer. A page load asks from its layout and from
   * its tRPC context at the same moment; once the memory has lapsed both would query.
   */
  checking: Map<string, { userId: string; answer: Promise<boolean> }>;
}

// On globalThis: Next can evaluate this module once per bundle in one process, and the sign-out
// route's copy must clear what the tRPC route's copy remembers.
const g = globalThis as unknown as { __radiumSessions?: SessionMemory };
const memory = (g.__radiumSessions ??= { confirmed: new Map(), revoked: new Map(), checking: new Map() });
const { confirmed, revoked, checking } = memory;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  // Oldest first out: a Map iterates in insertion order.
  if (map.size >= MAX_CONFIRMED) map.delete(map.keys().next().value ?? "");
  map.delete(key);
  map.set(key, value);
}

function confirm(sid: string, userId: string, expiresAt: Date, checkedAt: number): void {
  if ((revoked.get(sid) ?? -1) >= checkedAt || (revoked.get(`user:${userId}`) ?? -1) >= checkedAt) return;
  remember(confirmed, sid, { userId, until: Math.min(checkedAt + SESSION_RECHECK_MS, expiresAt.getTime()) });
}

function recentlyConfirmed(session: Pick<LocalSession, "sid" | "sub">): boolean {
  const hit = confirmed.get(session.sid);
  if (!hit) return false;
  if (hit.userId === session.sub && hit.until > Date.now()) return true;
  confirmed.delete(session.sid);
  return false;
}

/**
 * The session of a cookie value when it is validly signed and still recorded (one primary-key
 * lookup, skipped for SESSION_RECHECK_MS after the database last confirmed it).
 */
export async function activeLocalSession(db: Db, token: string | undefined | null, secret?: Buffer): Promise<LocalSession | null> {
  const session = verifyLocalSession(token, secret);
  return session && (await isSessionRecorded(db, session)) ? session : null;
}

/** Whether a validly signed session is still recorded and unexpired (not signed out). */
export async function isSessionRecorded(db: Db, session: Pick<LocalSession, "sid" | "sub">): Promise<boolean> {
  if (recentlyConfirmed(session)) return true;
  const pending = checking.get(session.sid);
  if (pending?.userId === session.sub) return pending.answer;
  const answer = readSessionRow(db, session).finally(() => {
    if (checking.get(session.sid)?.answer === answer) checking.delete(session.sid);
  });
  checking.set(session.sid, { userId: session.sub, answer });
  return answer;
}

async function readSessionRow(db: Db, session: Pick<LocalSession, "sid" | "sub">): Promise<boolean> {
  const checkedAt = Date.now();
  const [row] = await db
    .select({ expiresAt: localSessions.expiresAt })
    .from(localSessions)
    .where(and(eq(localSessions.id, session.sid), eq(localSessions.userId, session.sub), gt(localSessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return false;
  confirm(session.sid, session.sub, row.expiresAt, checkedAt);
  return true;
}

/** Ends one session (sign out). */
export async function endLocalSession(db: Db, session: Pick<LocalSession, "sid" | "sub">): Promise<void> {
  forget(session.sid);
  await db.delete(localSessions).where(and(eq(localSessions.id, session.sid), eq(localSessions.userId, session.sub)));
}

/** Ends every session of a user (sign out everywhere). */
export async function endAllLocalSessions(db: Db, userId: string): Promise<void> {
  forgetConfirmedSessionsOf(userId);
  await db.delete(localSessions).where(eq(localSessions.userId, userId));
}

function forget(sid: string): void {
  confirmed.delete(sid);
  // A check begun before the sign-out may answer with the row it read; later checks must not join it.
  checking.delete(sid);
  remember(revoked, sid, Date.now());
}

/** Drops a user's sessions from the recently-confirmed set (signed out everywhere, or deleted). */
export function forgetConfirmedSessionsOf(userId: string): void {
  for (const [sid, entry] of confirmed) if (entry.userId === userId) confirmed.delete(sid);
  for (const [sid, entry] of checking) if (entry.userId === userId) checking.delete(sid);
  remember(revoked, `user:${userId}`, Date.now());
}

/** For tests that reuse one process across databases, or change `local_sessions` behind the app's back. */
export function forgetConfirmedSessions(): void {
  confirmed.clear();
  revoked.clear();
  checking.clear();
}
