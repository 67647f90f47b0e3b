import "server-only";
import { cookies } from "next/headers";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { getDb } from "@/server/db";
import { noteUserId } from "@/server/http/route";
import { authMode } from "./mode";
import { LOCAL_SESSION_COOKIE, type LocalSession, verifyLocalSession } from "./local-session";
import { activeLocalSession, isSessionRecorded } from "./local-session-store";

export interface SessionUser {
  id: string;
  name?: string | null;
  email?: string | null;
}

/**
 * The local session cookie of a request, parsed by Next's own cookie parser (the one behind
 * `NextRequest.cookies`), which skips a value it cannot decode ("%zz") instead of throwing.
 */
export function localSessionCookie(req: Pick<Request, "headers">): string | undefined {
  return new RequestCookies(req.headers).get(LOCAL_SESSION_COOKIE)?.value;
}

/** The request's local session if its cookie is validly signed and the session was not ended. */
export async function localSessionFromRequest(req: Pick<Request, "headers">): Promise<LocalSession | null> {
  const token = localSessionCookie(req);
  return token ? activeLocalSession(await getDb(), token) : null;
}

function toSessionUser(session: LocalSession | null): SessionUser | null {
  return session ? { id: session.sub, name: session.name, email: session.email } : null;
}

/** The signed-in user of a request (tRPC context, route handlers). */
export async function getSessionUserFromRequest(req: Request): Promise<SessionUser | null> {
  const user = await sessionUserOf(req);
  noteUserId(user?.id); // for the request's log line
  return user;
}

async function sessionUserOf(req: Request): Promise<SessionUser | null> {
  if (authMode() === "clerk") {
    const { clerkUserIdFromRequest } = await import("./clerk");
    const id = await clerkUserIdFromRequest(req);
    return id ? { id } : null;
  }
  return toSessionUser(await localSessionFromRequest(req));
}

/**
 * The user a request's credentials name, once their signature checks out, with `active`: whether
 * the session still stands (for the local sign-in, a lookup of its row, so signing out ends it).
 * A handler can read that user's data while `active` is pending, and must act on nothing (no
 * write, no answer beyond 401) until it resolves true. The chat route overlaps its first read so.
 */
export async function claimedSessionUser(req: Request): Promise<{ user: SessionUser; active: Promise<boolean> } | null> {
  if (authMode() === "clerk") {
    const user = await sessionUserOf(req);
    noteUserId(user?.id);
    return user ? { user, active: Promise.resolve(true) } : null;
  }
  const token = localSessionCookie(req);
  const session = token ? verifyLocalSession(token) : null;
  if (!session) return null;
  noteUserId(session.sub);
  const active = getDb().then((db) => isSessionRecorded(db, session));
  // Read by the caller only after its own first read; until then a failure must not go unhandled.
  active.catch(() => {});
  return { user: { id: session.sub, name: session.name, email: session.email }, active };
}

/** The signed-in user in server components and server actions. */
export async function getSessionUser(): Promise<SessionUser | null> {
  if (authMode() === "clerk") {
    const { auth } = await import("@clerk/nextjs/server");
    const { userId } = await auth();
    return userId ? { id: userId } : null;
  }
  const token = (await cookies()).get(LOCAL_SESSION_COOKIE)?.value;
  return toSessionUser(token ? await activeLocalSession(await getDb(), token) : null);
}

/** One getUserId() for both Clerk and the local sign-in. */
export async function getUserId(): Promise<string | null> {
  return (await getSessionUser())?.id ?? null;
}

/** Profile details for a new `users` row: the local session carries them; Clerk is asked. */
export async function lookupProfile(id: string): Promise<Omit<SessionUser, "id"> & { imageUrl?: string | null }> {
  if (authMode() !== "clerk") return {};
  const { clerkProfile } = await import("./clerk");
  return clerkProfile(id);
}

export { authMode };
