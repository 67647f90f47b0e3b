import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authMode } from "@/server/auth/mode";
import { LOCAL_SESSION_COOKIE, LOCAL_SESSION_MAX_AGE_S, localUserIdFor, signLocalSession } from "@/server/auth/local-session";
import { getDb } from "@/server/db";
import { upsertUser } from "@/server/users/ensure-user";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { relativeRedirect } from "@/lib/relative-redirect";
import { issuesMessage } from "@/lib/validation-message";
import { route } from "@/server/http/route";

const form = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Name is too long"),
  email: z.email("Enter a valid email address").trim().max(254),
});

/** The local sign-in (no Clerk keys): name + email → a signed, httpOnly session cookie. */
export const POST = route(async (req: NextRequest) => {
  if (authMode() !== "local") return NextResponse.json({ error: "Local sign-in is disabled when Clerk is configured" }, { status: 404 });
  const data = await req.formData();
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
  if (await upsertUser(await getDb(), { id: localUserIdFor(email), email: email.toLowerCase(), name })) kickOutbox();
  const res = new NextResponse(null, { status: 303, headers: { Location: redirectTo } });
  res.cookies.set(LOCAL_SESSION_COOKIE, signLocalSession({ name, email }), {
    httpOnly: true,
    sameSite: "lax",
    secure: req.nextUrl.protocol === "https:",
    path: "/",
    maxAge: LOCAL_SESSION_MAX_AGE_S,
  });
  return res;
});
