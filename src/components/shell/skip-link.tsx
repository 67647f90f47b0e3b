"use client";

/**
 * The first stop of the Tab order: jumps past the navigation. A page may mark a closer start with
 * `data-skip-target` (the chat marks its conversation, past the history list); otherwise the main
 * region. Without JavaScript the plain anchor still moves to the main region.
 */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real in-page link (it works without JavaScript); the handler only picks a closer target
    <a
      href="#main-content"
      onClick={(e) => {
        const target = document.querySelector<HTMLElement>("[data-skip-target]") ?? document.getElementById("main-content");
        if (!target) return;
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "nearest" });
      }}
      className="sr-only rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground shadow-md outline-none focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus-visible:ring-2 focus-visible:ring-ring"
    >
      Skip to content
    </a>
  );
}
