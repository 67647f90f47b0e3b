import type { Metadata } from "next";
import { headers } from "next/headers";
import { ClerkProvider } from "@clerk/nextjs";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { TRPCReactProvider } from "@/trpc/react";
import { authMode } from "@/server/auth/mode";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Radium", template: "%s · Radium" },
  description: "Chat with AI that writes documents; fine-tune and deploy models.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The proxy's per-request CSP nonce; reading headers also renders every page per request,
  // which a nonce needs (a prerendered page would carry no nonce and its scripts would be blocked).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const app = (
    <ThemeProvider nonce={nonce}>
      <TRPCReactProvider>{children}</TRPCReactProvider>
      {/* Top centre: at the bottom right, toasts covered the document panel's action chips and the composer. */}
      <Toaster richColors closeButton position="top-center" />
    </ThemeProvider>
  );
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        {authMode() === "clerk" ? (
          <ClerkProvider nonce={nonce} afterSignOutUrl="/sign-in" signInUrl="/sign-in" signUpUrl="/sign-up">
            {app}
          </ClerkProvider>
        ) : (
          app
        )}
      </body>
    </html>
  );
}
