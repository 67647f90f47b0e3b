import { Skeleton } from "@/components/ui/skeleton";

// Alternating answer-like and question-like rows, so the placeholder reads as a conversation.
const ROWS = [
  { side: "user", widths: ["w-2/5"] },
  { side: "assistant", widths: ["w-full", "w-11/12", "w-3/5"] },
  { side: "user", widths: ["w-1/3"] },
  { side: "assistant", widths: ["w-full", "w-4/5"] },
] as const;

/**
 * A chat page's conversation while it streams in: the header with the chat's title (known before
 * the messages), rows shaped like messages, and the composer's outline, in the places they will take.
 */
export function ChatSkeleton({ title, withComposer }: { title: string; withComposer: boolean }) {
  return (
    <section aria-label="Conversation" aria-busy="true" className="flex min-w-0 flex-1 flex-col">
      <header className="flex h-12 shrink-0 items-center gap-1 border-b px-2">
        {/* Where the history toggle and (on narrow screens) the new-chat button will be. */}
        <div className="size-8" />
        <div className="size-8 lg:hidden" />
        <h1 className="min-w-0 flex-1 truncate px-1 text-sm font-medium">{title}</h1>
      </header>
      <div className="min-h-0 flex-1 overflow-hidden">
        <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
          <p role="status" className="sr-only">
            Loading the conversation
          </p>
          {ROWS.map((row, i) =>
            row.side === "user" ? (
              <Skeleton key={i} className={`ml-auto h-10 rounded-2xl ${row.widths[0]}`} />
            ) : (
              <div key={i} className="flex gap-3">
                <Skeleton className="size-8 shrink-0 rounded-full" />
                <div className="flex flex-1 flex-col gap-2 pt-1">
                  {row.widths.map((w) => (
                    <Skeleton key={w} className={`h-4 ${w}`} />
                  ))}
                </div>
              </div>
            ),
          )}
        </div>
      </div>
      {withComposer ? (
        <div className="mx-auto w-full max-w-3xl shrink-0 px-4 pt-2 pb-4">
          <Skeleton className="h-[94px] rounded-2xl" />
          <Skeleton className="mx-auto mt-2.5 h-3 w-64 max-w-full" />
        </div>
      ) : null}
    </section>
  );
}
