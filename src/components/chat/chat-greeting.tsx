"use client";

import { Code2, FileText, MessageCircle, Table2 } from "lucide-react";

export const STARTER_PROMPTS = [
  { icon: FileText, title: "Write a short essay", prompt: "Write a short essay about the ocean" },
  { icon: Code2, title: "Write code", prompt: "Write a Python function that checks whether a number is prime" },
  { icon: Table2, title: "Make a spreadsheet", prompt: "Make a spreadsheet of a monthly household budget" },
  { icon: MessageCircle, title: "Ask a question", prompt: "Explain how a transformer language model works, briefly" },
] as const;

/** The empty conversation: a greeting and starter prompts to click. */
export function ChatGreeting({ onPick, disabled }: { onPick: (prompt: string) => void; disabled?: boolean }) {
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-1 flex-col justify-center gap-8 px-2 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">What shall we write today?</h1>
        <p className="mt-2 text-muted-foreground">
          Ask anything, or have the assistant draft an essay, code or a spreadsheet. Documents open in their own panel, where you can edit them, step
          through versions and apply suggestions.
        </p>
      </div>
      <section className="grid gap-2 sm:grid-cols-2" aria-label="Suggested prompts">
        {STARTER_PROMPTS.map(({ icon: Icon, title, prompt }) => (
          <button
            key={prompt}
            type="button"
            disabled={disabled}
            onClick={() => onPick(prompt)}
            className="group flex items-start gap-3 rounded-xl border bg-card p-3 text-left text-sm shadow-xs transition-colors outline-none hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50"
          >
            <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary">
              <Icon className="size-4" />
            </span>
            <span className="min-w-0">
              <span className="block font-medium">{title}</span>
              <span className="block text-muted-foreground">{prompt}</span>
            </span>
          </button>
        ))}
      </section>
    </div>
  );
}
