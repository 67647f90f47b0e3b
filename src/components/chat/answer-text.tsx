"use client";

import { lazy, Suspense } from "react";

// Markdown (react-markdown, remark-gfm, highlighting) loads with the first answer, not with an empty chat.
const Markdown = lazy(() => import("@/components/common/markdown").then((m) => ({ default: m.Markdown })));

/** An answer's text as Markdown; until the renderer has loaded, the plain text, so nothing blinks away. */
export function AnswerText({ text }: { text: string }) {
  return (
    <Suspense
      fallback={
        <div className="text-[15px] leading-7 whitespace-pre-wrap" data-testid="message-text">
          {text}
        </div>
      }
    >
      <Markdown testId="message-text">{text}</Markdown>
    </Suspense>
  );
}
