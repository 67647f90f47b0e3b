"use client";

/** Three bouncing dots while the model has not answered yet. */
export function ThinkingDots() {
  return (
    <div className="flex h-7 items-center gap-1" role="status" aria-label="Thinking" data-testid="thinking">
      {[0, 1, 2].map((i) => (
        <span key={i} className="size-1.5 animate-bounce rounded-full bg-muted-foreground/70" style={{ animationDelay: `${i * 150}ms` }} />
      ))}
    </div>
  );
}
