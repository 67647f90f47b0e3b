import { NextResponse } from "next/server";
import { LOCAL_SESSION_COOKIE } from "@/server/auth/local-session";
import { route } from "@/server/http/route";

export const POST = route(async () => {
  const res = new NextResponse(null, { status: 303, headers: { Location: "/sign-in" } });
  res.cookies.delete(LOCAL_SESSION_COOKIE);
  return res;
});
