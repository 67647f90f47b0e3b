"use client";

import { memo, useEffect, useState } from "react";
import { CopyButton } from "./copy-button";
import { highlightToHtml } from "./highlight";
import "./code-theme.css";

/** A fenced code block: language label, copy button, and highlighting loaded on demand. */
export const CodeBlock = memo(function CodeBlock({ code, language }: { code: string; language?: string }) {
  const [html, setHtml] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // Debounce while a block is still streaming in.
    const timer = setTimeout(() => {
      highlightToHtml(code, language)
        .then((out) => {
          if (!cancelled) setHtml(out);
        })
        .catch(() => undefined);
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [code, language]);

  return (
    <div className="group/code not-prose my-3 overflow-hidden rounded-lg border bg-muted/40 dark:bg-black/25" data-testid="code-block">
      <div className="flex items-center justify-between border-b bg-muted/60 px-3 py-1 text-xs text-muted-foreground dark:bg-white/5">
        <span className="font-mono">{language ?? "code"}</span>
        <CopyButton value={code} label="Copy code" className="size-7" />
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed">
        {html ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the source text; its output only adds <span class> markup
          <code className={`hljs font-mono language-${language ?? "plaintext"}`} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code className="font-mono">{code}</code>
        )}
      </pre>
    </div>
  );
});
