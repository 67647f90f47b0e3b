import { Bot, User, Wrench } from "lucide-react";
import type { DatasetPreviewExample } from "@/lib/datasets/types";
import { cn } from "@/lib/utils";

/** One example as a conversation: the user on the right, the assistant on the left, system notes across. */
function Example({ example, index }: { example: DatasetPreviewExample; index: number }) {
  return (
    <article className="flex flex-col gap-3 rounded-lg border p-3 sm:p-4" aria-label={`Example ${index + 1}, line ${example.line}`} data-testid="preview-example">
      <header className="text-xs font-medium text-muted-foreground">
        Example {index + 1} · line {example.line}
      </header>
      {example.messages.map((m, i) =>
        m.role === "system" ? (
          <p key={i} className="rounded-md bg-muted px-3 py-2 text-xs whitespace-pre-wrap text-muted-foreground" data-role="system">
            <span className="mr-1 font-semibold uppercase">System</span> {m.content}
          </p>
        ) : (
          <div key={i} className={cn("flex items-end gap-2", m.role === "user" && "flex-row-reverse")} data-role={m.role}>
            <span
              className="flex size-6 shrink-0 items-center justify-center rounded-full border bg-background text-muted-foreground"
              aria-label={m.role}
              role="img"
            >
              {m.role === "user" ? <User className="size-3.5" /> : m.role === "tool" ? <Wrench className="size-3.5" /> : <Bot className="size-3.5" />}
            </span>
            <div
              className={cn(
                "max-h-60 max-w-[85%] overflow-y-auto rounded-2xl px-3 py-2 text-sm break-words whitespace-pre-wrap",
                m.role === "user" ? "rounded-br-sm bg-primary text-primary-foreground" : "rounded-bl-sm bg-muted",
              )}
            >
              {m.content}
            </div>
          </div>
        ),
      )}
    </article>
  );
}

/** The first valid examples, rendered as chat bubbles. */
export function ChatPreview({ examples }: { examples: DatasetPreviewExample[] }) {
  if (!examples.length) return <p className="text-sm text-muted-foreground">No valid examples to preview.</p>;
  return (
    <div className="flex flex-col gap-3" data-testid="dataset-preview">
      {examples.map((e, i) => (
        <Example key={e.line} example={e} index={i} />
      ))}
    </div>
  );
}
