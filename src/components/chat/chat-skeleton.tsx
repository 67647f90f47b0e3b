import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a chat page shows while its messages load: the header, a few message shapes and the
 * composer, laid out like the chat so nothing jumps when it arrives. It lets the page's shell (the
 * app frame and the history column) stream before the chat's own data is read.
 */
export function ChatSkeleton({ messages = 3 }: { messages?: number }) {
  return (
    <div className="flex min-w-0 flex-1 flex-col" role="status" aria-busy="true" aria-label="Loading the chat">
      <div className="flex h-12 shrink-0 items-center gap-2 border-b px-3">
        <Skeleton className="h-4 w-40 max-w-[50%]" />
        <Skeleton className="ml-auto h-7 w-28" />
      </div>
      <div className="min-h-0 flex-1 overflow-hidden">
        <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
          {Array.from({ length: messages }, (_, i) => (
            <div key={i} className="flex flex-col gap-6">
              <Skeleton className="ml-auto h-9 w-2/5 rounded-2xl" />
              <div className="flex flex-col gap-2">
                <Skeleton className="h-4 w-11/12" />
                <Skeleton className="h-4 w-4/5" />
                <Skeleton className="h-4 w-3/5" />
              </div>
            </div>
          ))}
        </div>
      </div>
      <div className="mx-auto w-full max-w-3xl px-4 pb-4">
        <Skeleton className="h-[92px] w-full rounded-2xl" />
      </div>
    </div>
  );
}
