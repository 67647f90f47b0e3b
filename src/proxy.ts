import { clerkMiddleware } from "@clerk/nextjs/server";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { authMode } from "@/server/auth/mode";
import { sameHostUrl } from "@/lib/relative-redirect";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "@/server/auth/local-session";

// Next 16 loads `proxy.ts` (the renamed middleware) from `src/` when the app lives in `src/app`.
// Pages redirect signed-out visitors to sign-in; API routes answer 401 themselves.
const PUBLIC_PAGES = [/^\/sign-in(\/|$)/, /^\/sign-up(\/|$)/];

function needsSignIn(req: NextRequest): boolean {
  const { pathname } = req.nextUrl;
  return !pathname.startsWith("/api/") && !PUBLIC_PAGES.some((re) => re.test(pathname));
}

function toSignIn(req: NextRequest) {
  const back = req.nextUrl.pathname + req.nextUrl.search;
  const target = back === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ redirect_url: back })}`;
  // Proxy responses need an absolute Location; keep the browser's own host so cookies still apply.
  return NextResponse.redirect(sameHostUrl(req, target));
}

const clerkProxy = clerkMiddleware(
  async (auth, req) => {
    if (needsSignIn(req) && !(await auth()).userId) return toSignIn(req);
  },
  // Clerk does not read CLERK_JWT_KEY by itself; with it, sessions verify with no network call.
  { jwtKey: env.CLERK_JWT_KEY, signInUrl: "/sign-in", signUpUrl: "/sign-up" },
);

function localProxy(req: NextRequest) {
  if (needsSignIn(req) && !verifyLocalSession(req.cookies.get(LOCAL_SESSION_COOKIE)?.value)) return toSignIn(req);
  return NextResponse.next();
}

export default function proxy(req: NextRequest, event: Parameters<typeof clerkProxy>[1]) {
  return authMode() === "clerk" ? clerkProxy(req, event) : localProxy(req);
}

export const config = {
  matcher: [
    // Everything except Next internals and static files.
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    "/(api|trpc)(.*)",
  ],
};
