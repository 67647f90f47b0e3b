import { SignIn } from "@clerk/nextjs";
import { LocalSignInForm } from "@/components/auth/local-sign-in-form";
import { authMode } from "@/server/auth/mode";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in/[[...sign-in]]">) {
  const params = await searchParams;
  const redirectUrl = safeRedirectPath(params.redirect_url);
  if (authMode() === "clerk") return <SignIn forceRedirectUrl={redirectUrl} signUpUrl="/sign-up" />;
  const error = typeof params.error === "string" ? params.error.slice(0, 300) : undefined;
  return <LocalSignInForm error={error} redirectUrl={redirectUrl} />;
}
