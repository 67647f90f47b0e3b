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

/** The session of a cookie value when it is validly signed and still recorded (one primary-key lookup). */
export async function activeLocalSession(db: Db, token: string | undefined | null, secret?: Buffer): Promise<LocalSession | null> {
  const session = verifyLocalSession(token, secret);
  return session && (await isSessionRecorded(db, session)) ? session : null;
}

/** Whether a validly signed session is still recorded and unexpired (not signed out). */
export async function isSessionRecorded(db: Db, session: Pick<LocalSession, "sid" | "sub">): Promise<boolean> {
  const [row] = await db
    .select({ id: localSessions.id })
    .from(localSessions)
    .where(and(eq(localSessions.id, session.sid), eq(localSessions.userId, session.sub), gt(localSessions.expiresAt, new Date())))
    .limit(1);
  return row !== undefined;
}

/** Ends one session (sign out). */
export async function endLocalSession(db: Db, session: Pick<LocalSession, "sid" | "sub">): Promise<void> {
  await db.delete(localSessions).where(and(eq(localSessions.id, session.sid), eq(localSessions.userId, session.sub)));
}

/** Ends every session of a user (sign out everywhere). */
export async function endAllLocalSessions(db: Db, userId: string): Promise<void> {
  await db.delete(localSessions).where(eq(localSessions.userId, userId));
}
