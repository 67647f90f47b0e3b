import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authMode } from "@/server/auth/mode";
import { LOCAL_SESSION_COOKIE, LOCAL_SESSION_MAX_AGE_S, localUserIdFor } from "@/server/auth/local-session";
import { startLocalSession } from "@/server/auth/local-session-store";
import { signInLimiter } from "@/server/auth/sign-in-limit";
import { getDb } from "@/server/db";
import { isCrossSiteRequest } from "@/server/http/origin";
import { problem } from "@/server/http/problem";
import { clientIp } from "@/server/http/rate-limit";
import { upsertUser } from "@/server/users/ensure-user";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { relativeRedirect } from "@/lib/relative-redirect";
import { issuesMessage } from "@/lib/validation-message";
import { safeText } from "@/lib/zod/text";
import { route } from "@/server/http/route";

const form = z.object({
  name: safeText().trim().min(1, "Enter your name").max(100, "Name is too long"),
  email: z.email("Enter a valid email address").trim().max(254),
});

/** The local sign-in (no Clerk keys): name + email → a recorded session in a signed, httpOnly cookie. */
export const POST = route(async (req: NextRequest) => {
  if (authMode() !== "local") {
    return problem(req, { status: 404, title: "Not Found", detail: "Local sign-in is disabled when Clerk is configured." });
  }
  // Login CSRF: a foreign page must not sign the browser in to an account of its choosing.
  if (isCrossSiteRequest(req)) return problem(req, { status: 403, title: "Forbidden", detail: "Cross-site sign-in is not allowed." });
  const attempt = signInLimiter().hit(clientIp(req));
  if (!attempt.allowed) {
    return problem(req, {
      status: 429,
      title: "Too Many Requests",
      detail: `Too many sign-in attempts. Try again in ${attempt.retryAfterS} seconds.`,
      headers: { "retry-after": String(attempt.retryAfterS) },
    });
  }
  let data: FormData;
  try {
    data = await req.formData();
  } catch {
    return problem(req, { status: 400, title: "Bad Request", detail: "Send the sign-in form as form data." });
  }
  const redirectTo = safeRedirectPath(data.get("redirect_url"));
  const parsed = form.safeParse({ name: data.get("name"), email: data.get("email") });
  if (!parsed.success) {
    const back = new URLSearchParams({
      error: issuesMessage(parsed.error.issues.map((i) => ({ message: i.message }))),
      redirect_url: redirectTo,
    });
    return relativeRedirect(`/sign-in?${back}`, 303);
  }
  const { name, email } = parsed.data;
  const db = await getDb();
  if (await upsertUser(db, { id: localUserIdFor(email), email: email.toLowerCase(), name })) kickOutbox();
  const res = new NextResponse(null, { status: 303, headers: { Location: redirectTo } });
  res.cookies.set(LOCAL_SESSION_COOKIE, await startLocalSession(db, { name, email }), {
    httpOnly: true,
    sameSite: "lax",
    secure: req.nextUrl.protocol === "https:",
    path: "/",
    maxAge: LOCAL_SESSION_MAX_AGE_S,
  });
  return res;
});
