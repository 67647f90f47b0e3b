"use client";

import * as React from "react";
import { useTheme } from "next-themes";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/**
 * App-wide toast outlet. Render once (e.g. in the root layout, inside the
 * next-themes `ThemeProvider`) and call `toast(...)` from `sonner` anywhere.
 * Follows the active next-themes theme unless `theme` is passed explicitly.
 */
function Toaster({ style, ...props }: ToasterProps) {
  const { theme = "system" } = useTheme();
  const sonnerTheme: ToasterProps["theme"] =
    theme === "light" || theme === "dark" ? theme : "system";

  return (
    <Sonner
      theme={sonnerTheme}
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          ...style,
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
