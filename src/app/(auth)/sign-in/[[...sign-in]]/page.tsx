import { redirect } from "next/navigation";
import { SignIn } from "@clerk/nextjs";
import { LocalSignInForm } from "@/components/auth/local-sign-in-form";
import { getSessionUser } from "@/server/auth";
import { authMode } from "@/server/auth/mode";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in/[[...sign-in]]">) {
  const params = await searchParams;
  const redirectUrl = safeRedirectPath(params.redirect_url);
  if (authMode() === "clerk") return <SignIn forceRedirectUrl={redirectUrl} signUpUrl="/sign-up" />;
  // Someone already signed in has nothing to do here: send them on instead of showing the form again.
  if (await getSessionUser()) redirect(/^\/sign-(in|up)\b/.test(redirectUrl) ? "/" : redirectUrl);
  const error = typeof params.error === "string" ? params.error.slice(0, 300) : undefined;
  return <LocalSignInForm error={error} redirectUrl={redirectUrl} />;
}
