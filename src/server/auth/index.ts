import "server-only";
import { cookies } from "next/headers";
import { authMode } from "./mode";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "./local-session";

export interface SessionUser {
  id: string;
  name?: string | null;
  email?: string | null;
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** The signed-in user of a request (tRPC context, route handlers). */
export async function getSessionUserFromRequest(req: Request): Promise<SessionUser | null> {
  if (authMode() === "clerk") {
    const { clerkUserIdFromRequest } = await import("./clerk");
    const id = await clerkUserIdFromRequest(req);
    return id ? { id } : null;
  }
  const session = verifyLocalSession(readCookie(req.headers.get("cookie"), LOCAL_SESSION_COOKIE));
  return session ? { id: session.sub, name: session.name, email: session.email } : null;
}

/** The signed-in user in server components and server actions. */
export async function getSessionUser(): Promise<SessionUser | null> {
  if (authMode() === "clerk") {
    const { auth } = await import("@clerk/nextjs/server");
    const { userId } = await auth();
    return userId ? { id: userId } : null;
  }
  const session = verifyLocalSession((await cookies()).get(LOCAL_SESSION_COOKIE)?.value);
  return session ? { id: session.sub, name: session.name, email: session.email } : null;
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
