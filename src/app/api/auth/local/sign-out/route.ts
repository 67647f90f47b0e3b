import { NextResponse } from "next/server";
import { LOCAL_SESSION_COOKIE } from "@/server/auth/local-session";

export async function POST() {
  const res = new NextResponse(null, { status: 303, headers: { Location: "/sign-in" } });
  res.cookies.delete(LOCAL_SESSION_COOKIE);
  return res;
}
