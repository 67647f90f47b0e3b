import { clerkMiddleware } from "@clerk/nextjs/server";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { authMode } from "@/server/auth/mode";
import { storageAdapter } from "@/server/storage/adapter";
import { appUrl } from "@/lib/relative-redirect";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "@/server/auth/local-session";
import { isDecodablePath } from "@/lib/path-encoding";
import { problem } from "@/server/http/problem";
import { REQUEST_ID_HEADER, saneRequestId } from "@/server/http/request-id";
import {
  API_CONTENT_SECURITY_POLICY,
  clerkFrontendApiOf,
  newNonce,
  pageContentSecurityPolicy,
  staticSecurityHeaders,
} from "@/server/http/security-headers";

// Next 16 loads `proxy.ts` (the renamed middleware) from `src/` when the app lives in `src/app`.
// Pages redirect signed-out visitors to sign-in; API routes answer 401 themselves. Every response
// gets the request id and the security headers; pages get a per-request CSP nonce.
const PUBLIC_PAGES = [/^\/sign-in(\/|$)/, /^\/sign-up(\/|$)/];

const isApi = (req: NextRequest) => req.nextUrl.pathname.startsWith("/api/");

function needsSignIn(req: NextRequest): boolean {
  return !isApi(req) && !PUBLIC_PAGES.some((re) => re.test(req.nextUrl.pathname));
}

interface RequestDecoration {
  requestId: string;
  csp: string;
  /** The request headers route handlers and server components see (request id, CSP with the nonce). */
  forwarded: Headers;
}

function decorationFor(req: NextRequest): RequestDecoration {
  const requestId = saneRequestId(req.headers.get(REQUEST_ID_HEADER));
  const forwarded = new Headers(req.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  if (isApi(req)) return { requestId, csp: API_CONTENT_SECURITY_POLICY, forwarded };
  const nonce = newNonce();
  const csp = pageContentSecurityPolicy({
    nonce,
    dev: env.NODE_ENV === "development",
    clerkFrontendApi: authMode() === "clerk" ? clerkFrontendApiOf(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) : undefined,
    uploadthing: storageAdapter() === "uploadthing",
  });
  // Next takes the nonce from the request's CSP header and puts it on its own scripts.
  forwarded.set("content-security-policy", csp);
  forwarded.set("x-nonce", nonce);
  return { requestId, csp, forwarded };
}

function withHeaders(res: Response, d: RequestDecoration): Response {
  res.headers.set(REQUEST_ID_HEADER, d.requestId);
  res.headers.set("Content-Security-Policy", d.csp);
  for (const [name, value] of staticSecurityHeaders(env.NODE_ENV === "production")) res.headers.set(name, value);
  return res;
}

function toSignIn(req: NextRequest) {
  const back = req.nextUrl.pathname + req.nextUrl.search;
  const target = back === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ redirect_url: back })}`;
  return NextResponse.redirect(appUrl(target, req.nextUrl, env.APP_URL));
}

const next = (d: RequestDecoration) => NextResponse.next({ request: { headers: d.forwarded } });

// Clerk hands its handler the request it was given, so the decoration travels with it.
const decorations = new WeakMap<Request, RequestDecoration>();

const clerkProxy = clerkMiddleware(
  async (auth, req) => {
    if (needsSignIn(req) && !(await auth()).userId) return toSignIn(req);
    const d = decorations.get(req);
    return d ? next(d) : undefined;
  },
  // Clerk does not read CLERK_JWT_KEY by itself; with it, sessions verify with no network call.
  { jwtKey: env.CLERK_JWT_KEY, signInUrl: "/sign-in", signUpUrl: "/sign-up" },
);

function localProxy(req: NextRequest, d: RequestDecoration) {
  if (needsSignIn(req) && !verifyLocalSession(req.cookies.get(LOCAL_SESSION_COOKIE)?.value)) return toSignIn(req);
  return next(d);
}

export default async function proxy(req: NextRequest, event: Parameters<typeof clerkProxy>[1]) {
  const d = decorationFor(req);
  if (!isDecodablePath(req.nextUrl.pathname)) {
    const res = problem(req, { status: 400, title: "Bad Request", detail: "The URL path is not valid percent-encoding." });
    return withHeaders(res, d);
  }
  if (authMode() !== "clerk") return withHeaders(localProxy(req, d), d);
  decorations.set(req, d);
  const res = await clerkProxy(req, event);
  return res ? withHeaders(res, d) : withHeaders(next(d), d);
}

export const config = {
  matcher: [
    // Everything except Next internals, static files and upload bodies: with a proxy, Next buffers a
    // request's body in memory (up to proxyClientMaxBodySize, cutting off the rest) so the proxy could
    // read it. Dataset uploads (up to DATASET_MAX_BYTES) stream to disk; their signed link is their
    // credential and the route sets its own headers. The OpenAI-compatible API (/api/v1) is the same:
    // Bearer keys, no session or origin check, its own headers, and no proxy hop on its hot path.
    // tRPC (/api/trpc) likewise authenticates each call itself and sets its own headers: the proxy
    // hop cost its list calls more CPU than the query did (bench/history.ts).
    "/((?!_next|api/uploads/|api/v1/|api/trpc/|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    "/(api(?!/uploads/|/v1/|/trpc/)|trpc)(.*)",
  ],
};
