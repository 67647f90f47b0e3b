import { NextResponse, type NextRequest } from "next/server";
import { LOCAL_SESSION_COOKIE } from "@/server/auth/local-session";

export async function POST(req: NextRequest) {
  const res = NextResponse.redirect(new URL("/sign-in", req.url), 303);
  res.cookies.delete(LOCAL_SESSION_COOKIE);
  return res;
}
