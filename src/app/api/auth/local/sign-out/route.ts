import { NextResponse, type NextRequest } from "next/server";
import { localSessionFromRequest } from "@/server/auth";
import { LOCAL_SESSION_COOKIE } from "@/server/auth/local-session";
import { endAllLocalSessions, endLocalSession } from "@/server/auth/local-session-store";
import { authMode } from "@/server/auth/mode";
import { getDb } from "@/server/db";
import { isCrossSiteRequest } from "@/server/http/origin";
import { problem } from "@/server/http/problem";
import { route } from "@/server/http/route";

/**
 * Ends the local session (its record is deleted, so a copy of the cookie stops working too);
 * `?everywhere=1` ends every session of the user. Clerk revokes its own sessions.
 */
export const POST = route(async (req: NextRequest) => {
  // Logout CSRF: a foreign page must not sign the browser out (or out everywhere).
  if (isCrossSiteRequest(req)) return problem(req, { status: 403, title: "Forbidden", detail: "Cross-site sign-out is not allowed." });
  if (authMode() === "local") {
    const session = await localSessionFromRequest(req);
    if (session) {
      const db = await getDb();
      if (req.nextUrl.searchParams.get("everywhere") === "1") await endAllLocalSessions(db, session.sub);
      else await endLocalSession(db, session);
    }
  }
  const res = new NextResponse(null, { status: 303, headers: { Location: "/sign-in" } });
  res.cookies.delete(LOCAL_SESSION_COOKIE);
  return res;
});
