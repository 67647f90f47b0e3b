"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import "@/lib/zod-jitless";

/**
 * `nonce`: the page's CSP nonce, for the inline script that sets the theme before first paint.
 * Until the user picks a theme, the OS light/dark preference decides (and is followed when it changes).
 */
export function ThemeProvider({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </NextThemesProvider>
  );
}
