import { SignUp } from "@clerk/nextjs";
import { redirect } from "next/navigation";
import { authMode } from "@/server/auth/mode";

export const metadata = { title: "Sign up" };

export default function SignUpPage() {
  // The local sign-in creates the user on first sign-in, so it has no separate sign-up.
  if (authMode() !== "clerk") redirect("/sign-in");
  return <SignUp signInUrl="/sign-in" />;
}
