import type { Metadata } from "next";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const app = (
    <ThemeProvider>
      <TRPCReactProvider>{children}</TRPCReactProvider>
      <Toaster richColors closeButton />
    </ThemeProvider>
  );
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        {authMode() === "clerk" ? (
          <ClerkProvider afterSignOutUrl="/sign-in" signInUrl="/sign-in" signUpUrl="/sign-up">
            {app}
          </ClerkProvider>
        ) : (
          app
        )}
      </body>
    </html>
  );
}
